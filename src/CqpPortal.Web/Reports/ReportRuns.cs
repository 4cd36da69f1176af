using CqpPortal.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CqpPortal.Web.Reports;

/// <summary>Queues report runs: a row in report runs, then a Hangfire job that makes a server run it.</summary>
public sealed class ReportRuns(CqpDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<ReportRuns> logger)
{
    public const string SchedulerName = "Planification automatique";

    /// <summary>Queues a run asked by a user (or by the scheduler when <paramref name="requestedById"/> is null).</summary>
    /// <param name="certificationId">The certification of a statistics report (the annual pack); null: the portal's first one.</param>
    public async Task<ReportRun> QueueAsync(string kind, int? year, int? sessionId, string? requestedById, string requestedByName,
        CancellationToken cancellationToken = default, int? certificationId = null)
    {
        var run = new ReportRun
        {
            Kind = kind, Year = year, SessionId = sessionId, CertificationId = certificationId, RequestedById = requestedById, RequestedByName = requestedByName,
            State = ReportRunState.Queued, CreatedAt = clock.GetUtcNow(),
        };
        db.ReportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        Enqueue(run.Id);
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
        Enqueue(run.Id);
        return run;
    }

    /// <summary>One Hangfire job per run, carrying the run id; the run's state for users stays in report runs.</summary>
    private void Enqueue(int runId)
    {
        // CancellationToken.None is replaced by Hangfire with the server's shutdown token when the job runs.
        var jobId = jobs.Enqueue<ReportRunJob>(job => job.RunAsync(runId, CancellationToken.None));
        logger.LogInformation("Report run {RunId} queued as job {JobId}", runId, jobId);
    }
}
