using CqpPortal.Web.Sessions;
using Quartz;

namespace CqpPortal.Web.Jobs;

/// <summary>Every morning: the session reminders due today. A thin Quartz adapter over <see cref="SessionReminders"/>.</summary>
[DisallowConcurrentExecution]
public sealed class SessionReminderJob(SessionReminders reminders, ILogger<SessionReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("session-reminders", "portal");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await reminders.SendDueAsync(cancellationToken);
        logger.LogInformation("Session reminders sent: {Count}", sent);
    }
}
