using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Domain.Time;
using CqpPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Sessions;

/// <summary>
/// Sends the reminders due today (14 and 2 days before), each once however often and on however many servers the job
/// runs: a reminder is sent by whoever claims its key (enrolment, days before, session start: a moved session is reminded again).
/// </summary>
public sealed class SessionReminders(CqpDbContext db, CandidateMailer mailer, NotificationKeys keys, TimeProvider clock)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var today = DayInParis.Today(clock);
        var horizon = clock.GetUtcNow().AddDays(16);
        var enrolments = await db.SessionEnrolments.Include(e => e.Session).Include(e => e.Registration).ThenInclude(r => r!.Candidate)
            .Where(e => e.State == EnrolmentState.Enrolled && e.Session!.CancelledAt == null && e.Session.StartsAt > clock.GetUtcNow() && e.Session.StartsAt < horizon)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var enrolment in enrolments)
        {
            var session = enrolment.Session!;
            var sessionDay = DayInParis.Of(session.StartsAt);
            var due = SessionReminderSchedule.DueToday(sessionDay, today);
            // Reminder…SentAt is the record shown to staff (and covers reminders sent before the keys existed); the key decides.
            if (due is null || (due == 14 ? enrolment.Reminder14SentAt : enrolment.Reminder2SentAt) is not null) continue;
            var key = ReminderKey(due.Value, enrolment.Id, session.StartsAt);
            if (!await keys.TryClaimAsync(key, cancellationToken)) continue;
            // Claimed, so handed to delivery once: a transport failure is retried by the job system (EmailDelivery).
            await mailer.SessionReminderAsync(enrolment.Registration!.Candidate!, session, due.Value);
            if (due == 14) enrolment.Reminder14SentAt = clock.GetUtcNow();
            else enrolment.Reminder2SentAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            sent++;
        }
        return sent;
    }

    public static string ReminderKey(int daysBefore, int enrolmentId, DateTimeOffset sessionStartsAt) =>
        $"reminder-{daysBefore}:enrolment:{enrolmentId}:{sessionStartsAt.UtcDateTime:yyyy-MM-ddTHH:mm}Z";
}
