using Hangfire;

namespace CqpPortal.Web.Reports;

/// <summary>
/// Runs one report run on a Hangfire server, enqueued by <see cref="ReportRuns"/> with the run id. If the server dies
/// midway, another server fetches the job again and <see cref="ReportRunner"/> starts a new attempt from scratch;
/// only the latest attempt may publish. A thin adapter: the run's state for users is in report runs, not in Hangfire.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class ReportRunJob(ReportRunner runner)
{
    public Task RunAsync(int runId, CancellationToken cancellationToken) => runner.RunAsync(runId, cancellationToken);
}
