using System.Globalization;
using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Registrations;

/// <summary>What one run of the deadline job did.</summary>
public sealed record DeadlineRun(int Warned, int Closed, int InDigest);

/// <summary>
/// The journey's deadline (<see cref="JourneyDeadline"/>, the certification's limit from the admissibility decision)
/// followed every day for the admissible files not yet certified: the candidate is warned 90 and 30 days before with
/// what remains to do (<see cref="JourneyDeadlineNotices"/>), each warning once (its key claimed in SentNotifications);
/// staff get the files within 90 days once a week (the week's first run: Monday, when the job runs daily); the day
/// after the deadline the journey closes (<see cref="JourneyClosures.ExpireAsync"/>).
/// </summary>
public sealed class JourneyDeadlines(CqpDbContext db, JourneyClosures closures, CandidateMailer candidates, StaffMailer staff, NotificationKeys keys, TimeProvider clock)
{
    private sealed record OpenFile(int Id, CertificationRoute Route, DateOnly AdmissibleOn, int LimitMonths, int CertificationId, string Certification, Candidate Candidate)
    {
        public JourneyDeadline Deadline => JourneyDeadline.From(AdmissibleOn, LimitMonths);
    }

    public async Task<DeadlineRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = DayInParis.Today(clock);
        var open = await DueAsync(today, cancellationToken);
        int warned = 0, closed = 0;
        var digest = new List<DeadlineDigestRow>();
        foreach (var file in open)
        {
            var deadline = file.Deadline;
            var step = JourneyDeadlineNotices.StepOn(deadline, today);
            if (step == DeadlineStep.Close)
            {
                if (await closures.ExpireAsync(file.Id, deadline, cancellationToken)) closed++;
                continue;
            }
            var remaining = JourneyDeadlineNotices.Remaining(await RemainingAsync(file, cancellationToken));
            digest.Add(new DeadlineDigestRow(file.Id, file.Candidate.FullName, deadline.Deadline, deadline.DaysLeft(today), remaining));
            var days = step == DeadlineStep.Warn30 ? JourneyDeadlineNotices.LastWarningDays : JourneyDeadlineNotices.FirstWarningDays;
            if (!await keys.TryClaimAsync(WarningKey(days, file.Id, deadline.Deadline), cancellationToken)) continue;
            await candidates.JourneyDeadlineWarningAsync(file.Candidate, file.Certification, deadline.Deadline, deadline.DaysLeft(today), remaining);
            warned++;
        }

        // The week's digest is claimed by the week's first run (Monday's), even when no file is near: one digest a week at most.
        var digestDue = await keys.TryClaimAsync(DigestKey(today), cancellationToken);
        if (digestDue && digest.Count > 0) await staff.DeadlineDigestAsync(Week(today), digest);
        return new DeadlineRun(warned, closed, digestDue ? digest.Count : 0);
    }

    /// <summary>The open files within 90 days of their deadline, soonest first, with what remains: the digest's rows, also listed to staff.</summary>
    public async Task<IReadOnlyList<DeadlineDigestRow>> NearAsync(CancellationToken cancellationToken = default)
    {
        var today = DayInParis.Today(clock);
        var rows = new List<DeadlineDigestRow>();
        foreach (var file in (await DueAsync(today, cancellationToken)).Where(f => JourneyDeadlineNotices.IsNear(f.Deadline, today)))
            rows.Add(new DeadlineDigestRow(file.Id, file.Candidate.FullName, file.Deadline.Deadline, file.Deadline.DaysLeft(today),
                JourneyDeadlineNotices.Remaining(await RemainingAsync(file, cancellationToken))));
        return rows;
    }

    /// <summary>
    /// The open journeys the job has something to do for today (warn or close), soonest deadline first: admissible, no
    /// certificate, no total validation (even one whose minutes wait for signatures).
    /// </summary>
    private async Task<List<OpenFile>> DueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        // Only files decided early enough to be within 90 days of their deadline with the shortest limit are read (a few
        // days' margin for month ends); the exact test is JourneyDeadlineNotices.StepOn below.
        var shortestLimit = await db.Certifications.MinAsync(c => (int?)c.JourneyLimitMonths, cancellationToken) ?? JourneyDeadline.DefaultLimitMonths;
        var decidedBy = today.AddDays(JourneyDeadlineNotices.FirstWarningDays + 3).AddMonths(-shortestLimit);
        return (await db.Registrations
            .Where(r => r.State == RegistrationState.Admissible && r.AdmissibilityDecidedOn != null && r.AdmissibilityDecidedOn <= decidedBy
                && r.CertifiedOn == null && !r.JuryDecisions.Any(j => j.Result == JuryResult.TotalValidation))
            .Select(r => new OpenFile(r.Id, r.Route, r.AdmissibilityDecidedOn!.Value, r.Certification!.JourneyLimitMonths, r.CertificationId,
                r.Certification.Kind + " " + r.Certification.Title, r.Candidate!))
            .ToListAsync(cancellationToken))
        .Where(f => JourneyDeadlineNotices.StepOn(f.Deadline, today) != DeadlineStep.Nothing)
        .OrderBy(f => f.Deadline.Deadline).ThenBy(f => f.Id)
        .ToList();
    }

    public static string WarningKey(int daysBefore, int registrationId, DateOnly deadline) =>
        $"journey-deadline-{daysBefore}:registration:{registrationId}:{deadline:yyyy-MM-dd}";

    public static string DigestKey(DateOnly today) => $"journey-deadline-digest:{Week(today)}";

    /// <summary>The ISO week, e.g. 2026-W49.</summary>
    public static string Week(DateOnly day) =>
        $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}";

    private async Task<RemainingFacts> RemainingAsync(OpenFile file, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.SessionEnrolments
            .Where(e => e.RegistrationId == file.Id && e.State == EnrolmentState.Enrolled && e.Session!.CancelledAt == null)
            .Select(e => new { e.Session!.Kind, e.Session.StartsAt }).ToListAsync(cancellationToken);
        var evaluationKind = SessionSignUpRules.KindFor(file.Route);
        DateOnly? Day(IEnumerable<DateTimeOffset> instants) => instants.Select(i => (DateOnly?)DayInParis.Of(i)).FirstOrDefault();
        var jury = await db.JuryDecisions.Where(JuryDecision.IsFinal).Where(j => j.RegistrationId == file.Id)
            .OrderByDescending(j => j.DecidedOn).Select(j => new { j.Result, j.DecidedOn }).FirstOrDefaultAsync(cancellationToken);
        var validated = await db.JuryDecisions.Where(JuryDecision.IsFinal).Where(j => j.RegistrationId == file.Id)
            .SelectMany(j => j.UnitResults).Where(u => u.Validated).Select(u => u.UnitId).Distinct().ToListAsync(cancellationToken);
        var remainingUnits = await db.CertificationUnits.Where(u => u.CertificationId == file.CertificationId && !validated.Contains(u.Id))
            .OrderBy(u => u.Number).Select(u => u.Number).ToListAsync(cancellationToken);
        var booklet2 = file.Route == CertificationRoute.Vae && await db.Booklets
            .AnyAsync(b => b.RegistrationId == file.Id && b.Kind == BookletKind.Experience && b.State == BookletState.Admissible, cancellationToken);
        return new RemainingFacts(file.Route, booklet2,
            Day(sessions.Where(s => s.Kind == evaluationKind && s.StartsAt <= now).Select(s => s.StartsAt).OrderDescending()),
            Day(sessions.Where(s => s.Kind == evaluationKind && s.StartsAt > now).Select(s => s.StartsAt).Order()),
            Day(sessions.Where(s => s.Kind == SessionKind.Jury && s.StartsAt > now).Select(s => s.StartsAt).Order()),
            jury?.Result, jury?.DecidedOn, remainingUnits);
    }
}
