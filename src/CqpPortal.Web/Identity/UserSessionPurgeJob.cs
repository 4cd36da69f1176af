namespace CqpPortal.Web.Identity;

/// <summary>Every night at 03:40 Paris: deletes the signed-in sessions revoked or ended. A thin Hangfire adapter over <see cref="UserSessions.PurgeAsync"/>.</summary>
public sealed class UserSessionPurgeJob(UserSessions sessions, ILogger<UserSessionPurgeJob> logger)
{
    public const string Id = "user-sessions-purge";
    public const string Cron = "40 3 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var purged = await sessions.PurgeAsync(cancellationToken);
        logger.LogInformation("User sessions: {Purged} revoked or ended sessions deleted", purged);
    }
}
