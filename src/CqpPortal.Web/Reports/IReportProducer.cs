namespace CqpPortal.Web.Reports;

/// <summary>
/// Makes the files of one kind of report. The runner calls it for a queued run, with its parameters and a way to report
/// progress; the files it returns are published together, atomically, when the run is marked Succeeded. A producer
/// may be called again for the same run after a crash: it starts from scratch (nothing of a previous try is kept).
/// </summary>
public interface IReportProducer
{
    /// <summary>The run kind it serves, e.g. <see cref="ReportKinds.AnnualPack"/>.</summary>
    string Kind { get; }

    /// <summary>How the runs page offers this kind to start by hand; null: not offered (a kind only the scheduler or tests start).</summary>
    ReportKindDescriptor? Descriptor => null;

    Task<IReadOnlyList<ReportFile>> ProduceAsync(ReportRunContext context, CancellationToken cancellationToken);
}

/// <summary>One output file, complete, in memory.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>A failure to show on the runs page, in French.</summary>
public sealed class ReportException(string frenchMessage) : Exception(frenchMessage);

/// <summary>What a producer gets: the run's parameters, scoped services, and progress reporting.</summary>
public sealed class ReportRunContext(int runId, int? year, int? sessionId, IServiceProvider services, Func<int, string, CancellationToken, Task> progress)
{
    public int RunId => runId;
    public int? Year => year;
    public int? SessionId => sessionId;

    /// <summary>The certification of a statistics report; null: the portal's first one.</summary>
    public int? CertificationId { get; init; }

    /// <summary>The run's scope: a producer resolves what it needs here (CqpDbContext, StatisticsLoader…).</summary>
    public IServiceProvider Services => services;

    public int RequireYear() => year ?? throw new ReportException("L'année du rapport n'est pas renseignée.");

    public int RequireSession() => sessionId ?? throw new ReportException("La session du rapport n'est pas renseignée.");

    /// <summary>Records where the run stands (0–99; 100 is set when the files are published), with a French step name.</summary>
    public Task ReportProgressAsync(int percent, string step, CancellationToken cancellationToken) =>
        progress(Math.Clamp(percent, 0, 99), step, cancellationToken);
}
