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
    /// Queues a run asked by hand (the runs page), unless a run of the same kind and parameters is already queued or
    /// running: then no second run is made and that one is returned. Two requests at once are taken one after the
    /// other (a PostgreSQL advisory lock held until the transaction ends), so they cannot both insert.
    /// </summary>
    public async Task<RequestedRun> RequestAsync(string kind, int? year, int? sessionId, string? requestedById, string requestedByName,
        CancellationToken cancellationToken = default, int? certificationId = null)
    {
        ReportRun run;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ManualRequestLock})", cancellationToken);
            var active = await db.ReportRuns.AsNoTracking()
                .Where(r => r.Kind == kind && r.Year == year && r.SessionId == sessionId && r.CertificationId == certificationId
                    && (r.State == ReportRunState.Queued || r.State == ReportRunState.Running))
                .OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            if (active is not null) return new RequestedRun(active, AlreadyActive: true);
            run = new ReportRun
            {
                Kind = kind, Year = year, SessionId = sessionId, CertificationId = certificationId, RequestedById = requestedById, RequestedByName = requestedByName,
                State = ReportRunState.Queued, CreatedAt = clock.GetUtcNow(),
            };
            db.ReportRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        Enqueue(run.Id); // once committed: the job must find its row
        return new RequestedRun(run, AlreadyActive: false);
    }

    /// <summary>The advisory lock key of requests by hand (any 64-bit number no other feature uses).</summary>
    private const long ManualRequestLock = 0x4351_5052_756E_0001; // "CQPRun" 1

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

/// <summary>The run a request by hand led to: queued now, or the one of the same kind and parameters already queued or running.</summary>
public sealed record RequestedRun(ReportRun Run, bool AlreadyActive);
