using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Surveys;

namespace CqpPortal.Web.Reports;

/// <summary>The runs the scheduler queues by itself; each one once only (a dedupe key per run), so re-runs are harmless.</summary>
public sealed class ReportSchedules(CqpDbContext db, ReportRuns runs, TimeProvider clock)
{
    public static string AnnualPackKey(int year) => $"{ReportKinds.AnnualPack}:{year}:scheduled";

    /// <summary>
    /// A session's report of a wave, queued once its answering window has closed. The key is not the one of the
    /// reports queued before the window rule (« holder-outcomes:session:{id} », made the day the invitations left,
    /// so empty): those sessions get their full report once, and the 24-month report never waits on the 6-month one.
    /// </summary>
    public static string HolderOutcomesKey(int sessionId, SurveyWave wave) => $"{ReportKinds.HolderOutcomesOf(wave)}:session:{sessionId}:window-closed";

    /// <summary>The annual pack of the previous year (Paris calendar). Null when it was already queued.</summary>
    public async Task<ReportRun?> QueueAnnualPackAsync(CancellationToken cancellationToken = default)
    {
        var year = DayInParis.Today(clock).Year - 1;
        return await runs.QueueOnceAsync(ReportKinds.AnnualPack, year, null, AnnualPackKey(year), cancellationToken);
    }

    /// <summary>
    /// For each wave, a holder-outcome report for each jury session (not cancelled, with at least one holder) whose
    /// answering window has closed (<see cref="HolderOutcomeReportSchedule"/>) and that has none yet. Returns the runs queued now.
    /// </summary>
    public async Task<IReadOnlyList<ReportRun>> QueueDueHolderOutcomesAsync(CancellationToken cancellationToken = default)
    {
        var today = DayInParis.Today(clock);
        var queued = new List<ReportRun>();
        foreach (var wave in HolderSurveySchedule.Waves)
        {
            var kind = ReportKinds.HolderOutcomesOf(wave);
            // Coarse filter in SQL, exact one below in Paris days: five days of slack cover a sitting later in its day than
            // the job's hour and the month ends (31 August + 6 months is 28 February).
            var startedBefore = clock.GetUtcNow().AddMonths(-(int)wave).AddDays(-HolderOutcomeReportSchedule.AnswerWindowDays + 5);
            var keyPrefix = $"{kind}:session:";
            var candidates = await db.Sessions.AsNoTracking()
                .Where(s => s.Kind == SessionKind.Jury && s.CancelledAt == null && s.StartsAt <= startedBefore)
                // At least one holder, final (JuryDecision.IsFinal, written out: a subquery cannot take the expression).
                .Where(s => db.JuryDecisions.Any(j => j.SessionId == s.Id && j.Result == JuryResult.TotalValidation
                    && (j.RecordedByUserId == null || j.Session!.MinutesLockedAt != null)))
                .Where(s => !db.ReportRuns.Any(r => r.DedupeKey == keyPrefix + s.Id.ToString() + ":window-closed"))
                .OrderBy(s => s.StartsAt)
                .Select(s => new
                {
                    s.Id, s.StartsAt, s.DurationMinutes,
                    LastInvitedAt = db.HolderSurveys
                        .Where(h => h.Wave == wave && db.JuryDecisions.Any(j => j.SessionId == s.Id && j.RegistrationId == h.RegistrationId && j.Result == JuryResult.TotalValidation))
                        .Max(h => h.InvitedAt),
                })
                .ToListAsync(cancellationToken);
            foreach (var session in candidates)
            {
                var endsOn = DayInParis.Of(session.StartsAt.AddMinutes(session.DurationMinutes));
                var lastInvitedOn = session.LastInvitedAt is { } at ? DayInParis.Of(at) : (DateOnly?)null;
                if (!HolderOutcomeReportSchedule.IsDue(endsOn, wave, today, lastInvitedOn)) continue;
                if (await runs.QueueOnceAsync(kind, null, session.Id, HolderOutcomesKey(session.Id, wave), cancellationToken) is { } run)
                    queued.Add(run);
            }
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

/// <summary>Every day, 06:30 Paris: the 6- and 24-month holder-outcome reports of the jury sessions whose answering window has closed.</summary>
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
