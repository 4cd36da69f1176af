using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Reports;

/// <summary>The runs the scheduler queues by itself; each one once only (a dedupe key per run), so re-runs are harmless.</summary>
public sealed class ReportSchedules(CqpDbContext db, ReportRuns runs, TimeProvider clock)
{
    public static string AnnualPackKey(int year) => $"{ReportKinds.AnnualPack}:{year}:scheduled";

    public static string HolderOutcomesKey(int sessionId) => $"{ReportKinds.HolderOutcomes}:session:{sessionId}";

    /// <summary>The annual pack of the previous year (Paris calendar). Null when it was already queued.</summary>
    public async Task<ReportRun?> QueueAnnualPackAsync(CancellationToken cancellationToken = default)
    {
        var year = DayInParis.Today(clock).Year - 1;
        return await runs.QueueOnceAsync(ReportKinds.AnnualPack, year, null, AnnualPackKey(year), cancellationToken);
    }

    /// <summary>
    /// A holder-outcome report for each jury session (not cancelled) that ended six months ago or more and has none yet.
    /// Returns the runs queued now.
    /// </summary>
    public async Task<IReadOnlyList<ReportRun>> QueueDueHolderOutcomesAsync(CancellationToken cancellationToken = default)
    {
        var today = DayInParis.Today(clock);
        // Coarse filter in SQL (a session started 6 months and a day ago has ended), exact one below in Paris days.
        var startedBefore = clock.GetUtcNow().AddMonths(-6);
        var candidates = await db.Sessions.AsNoTracking()
            .Where(s => s.Kind == SessionKind.Jury && s.CancelledAt == null && s.StartsAt <= startedBefore)
            .Where(s => !db.ReportRuns.Any(r => r.Kind == ReportKinds.HolderOutcomes && r.SessionId == s.Id))
            .OrderBy(s => s.StartsAt)
            .Select(s => new { s.Id, s.StartsAt, s.DurationMinutes })
            .ToListAsync(cancellationToken);
        var queued = new List<ReportRun>();
        foreach (var session in candidates)
        {
            var endsOn = DayInParis.Of(session.StartsAt.AddMinutes(session.DurationMinutes));
            if (SessionHolderOutcomes.ReportDueOn(endsOn) > today) continue;
            if (await runs.QueueOnceAsync(ReportKinds.HolderOutcomes, null, session.Id, HolderOutcomesKey(session.Id), cancellationToken) is { } run)
                queued.Add(run);
        }
        return queued;
    }
}

/// <summary>15 January, 06:00 Paris: the previous year's annual pack. A thin Hangfire adapter over <see cref="ReportSchedules"/>.</summary>
public sealed class AnnualPackScheduleJob(ReportSchedules schedules, ILogger<AnnualPackScheduleJob> logger)
{
    public const string Id = "annual-pack-yearly";
    public const string Cron = "0 6 15 1 *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var run = await schedules.QueueAnnualPackAsync(cancellationToken);
        logger.LogInformation("Yearly annual pack: {Outcome}", run is null ? "already queued" : $"run {run.Id} queued");
    }
}

/// <summary>Every day, 06:30 Paris: the holder-outcome reports of the jury sessions that ended six months ago.</summary>
public sealed class HolderOutcomeScheduleJob(ReportSchedules schedules, ILogger<HolderOutcomeScheduleJob> logger)
{
    public const string Id = "holder-outcomes-daily";
    public const string Cron = "30 6 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queued = await schedules.QueueDueHolderOutcomesAsync(cancellationToken);
        logger.LogInformation("Holder-outcome reports queued: {Count}", queued.Count);
    }
}
