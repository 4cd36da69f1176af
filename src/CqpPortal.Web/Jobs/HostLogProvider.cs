using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace CqpPortal.Web.Jobs;

/// <summary>
/// Hangfire keeps one log provider for the whole process (a static), set by the last host built. With several hosts
/// in one process (the test suites' web nodes and workers), a host disposed before the others would leave them a
/// disposed logger factory, and every Hangfire component built afterwards would throw: they log nothing instead.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new SafeLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new SafeLog(null);
        }
    }

    private sealed class SafeLog(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (inner is null) return false;
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
