using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quartz;

namespace CqpPortal.Web.Reports;

/// <summary>Queues report runs: a row in report runs, then a Quartz trigger that makes a scheduler node run it.</summary>
public sealed class ReportRuns(CqpDbContext db, ISchedulerFactory schedulers, TimeProvider clock, ILogger<ReportRuns> logger)
{
    public const string SchedulerName = "Planification automatique";

    /// <summary>Queues a run asked by a user (or by the scheduler when <paramref name="requestedById"/> is null).</summary>
    public async Task<ReportRun> QueueAsync(string kind, int? year, int? sessionId, string? requestedById, string requestedByName,
        CancellationToken cancellationToken = default)
    {
        var run = new ReportRun
        {
            Kind = kind, Year = year, SessionId = sessionId, RequestedById = requestedById, RequestedByName = requestedByName,
            State = ReportRunState.Queued, CreatedAt = clock.GetUtcNow(),
        };
        db.ReportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await ScheduleAsync(run.Id, cancellationToken);
        return run;
    }

    /// <summary>
    /// Queues a scheduler's run once per <paramref name="dedupeKey"/>, even if a trigger fires twice or two nodes race:
    /// the unique key decides. Returns null when that run already exists.
    /// </summary>
    public async Task<ReportRun?> QueueOnceAsync(string kind, int? year, int? sessionId, string dedupeKey, CancellationToken cancellationToken = default)
    {
        if (await db.ReportRuns.AnyAsync(r => r.DedupeKey == dedupeKey, cancellationToken)) return null;
        var run = new ReportRun
        {
            Kind = kind, Year = year, SessionId = sessionId, RequestedByName = SchedulerName, DedupeKey = dedupeKey,
            State = ReportRunState.Queued, CreatedAt = clock.GetUtcNow(),
        };
        db.ReportRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.Entry(run).State = EntityState.Detached;
            return null;
        }
        await ScheduleAsync(run.Id, cancellationToken);
        return run;
    }

    /// <summary>One trigger per run on the shared durable job; the run id travels in the trigger's data (kept on recovery).</summary>
    public async Task ScheduleAsync(int runId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKeyOf(runId))
            .ForJob(ReportRunJob.Key)
            .UsingJobData(ReportRunJob.RunIdKey, runId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .StartNow()
            .Build();
        await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
        logger.LogInformation("Report run {RunId} queued", runId);
    }

    public static TriggerKey TriggerKeyOf(int runId) => new($"run-{runId}", "reports");
}
