using Quartz;

namespace CqpPortal.Web.Reports;

/// <summary>
/// The one Quartz job that runs report runs: durable, asks for recovery (a node killed midway has the run started
/// again by another node), the run id in the trigger's data. A thin adapter over <see cref="ReportRunner"/>.
/// </summary>
public sealed class ReportRunJob(ReportRunner runner) : IJob
{
    public static readonly JobKey Key = new("report-run", "reports");
    public const string RunIdKey = "runId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var runId = int.Parse(context.MergedJobDataMap.GetString(RunIdKey)!, System.Globalization.CultureInfo.InvariantCulture);
        await runner.RunAsync(runId, cancellationToken);
    }
}
