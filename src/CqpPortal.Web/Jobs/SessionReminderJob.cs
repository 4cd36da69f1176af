using CqpPortal.Web.Sessions;

namespace CqpPortal.Web.Jobs;

/// <summary>Every morning at 08:00 Paris: the session reminders due today. A thin Hangfire adapter over <see cref="SessionReminders"/>.</summary>
public sealed class SessionReminderJob(SessionReminders reminders, ILogger<SessionReminderJob> logger)
{
    public const string Id = "session-reminders";
    public const string Cron = "0 8 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sent = await reminders.SendDueAsync(cancellationToken);
        logger.LogInformation("Session reminders sent: {Count}", sent);
    }
}
