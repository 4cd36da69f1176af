using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Jobs;

/// <summary>
/// Claims the key of an e-mail a job is about to send (<see cref="SentNotification"/>): one INSERT … ON CONFLICT DO
/// NOTHING, so of two runs racing for the same key exactly one gets it, whatever their timing; no check-then-insert.
/// Inside a transaction, a racing claim waits for that transaction and loses if it commits.
/// </summary>
public sealed class NotificationKeys(CqpDbContext db, TimeProvider clock)
{
    /// <summary>True when this caller inserted the key and must send; false when it was already claimed.</summary>
    public async Task<bool> TryClaimAsync(string key, CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "SentNotifications" ("Key", "ClaimedAt") VALUES ({key}, {clock.GetUtcNow()}) ON CONFLICT ("Key") DO NOTHING""",
            cancellationToken) == 1;
}
