using CqpPortal.Domain.Accounts;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Identity;

/// <summary>
/// A user's signed-in sessions (<see cref="UserSession"/>): the list on « Mes sessions », ending one, every other, or
/// all of them. Every call names the user: a session of someone else is never found, so never ended.
/// </summary>
public sealed class UserSessions(CqpDbContext db, TimeProvider clock)
{
    public sealed record Active(Guid Id, string Device, string? Address, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, bool IsCurrent);

    /// <summary>The user's sessions neither revoked nor ended, the current one first, then the most recently used.</summary>
    public async Task<IReadOnlyList<Active>> ActiveAsync(string userId, Guid? current, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .Select(s => new { s.Id, s.UserAgent, s.IpAddress, s.CreatedAt, s.LastSeenAt })
            .ToListAsync(cancellationToken);
        return rows.Select(s => new Active(s.Id, DeviceName.Of(s.UserAgent), s.IpAddress, s.CreatedAt, s.LastSeenAt, s.Id == current))
            .OrderByDescending(s => s.IsCurrent).ThenByDescending(s => s.LastSeenAt).ToList();
    }

    /// <summary>Ends one of the user's sessions; false when the user has no such session still open.</summary>
    public async Task<bool> EndAsync(string userId, Guid sessionId, CancellationToken cancellationToken = default) =>
        await RevokeAsync(db.UserSessions.Where(s => s.UserId == userId && s.Id == sessionId), cancellationToken) > 0;

    /// <summary>Ends every session of the user but <paramref name="kept"/> (the one making the request); returns how many.</summary>
    public Task<int> EndOthersAsync(string userId, Guid? kept, CancellationToken cancellationToken = default) =>
        RevokeAsync(db.UserSessions.Where(s => s.UserId == userId && s.Id != kept), cancellationToken);

    /// <summary>Ends every session of the user (a password reset: whoever had the old password is out).</summary>
    public Task<int> EndAllAsync(string userId, CancellationToken cancellationToken = default) =>
        RevokeAsync(db.UserSessions.Where(s => s.UserId == userId), cancellationToken);

    /// <summary>Deletes the sessions revoked or ended before now (the daily purge); returns how many.</summary>
    public Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return db.UserSessions.Where(s => s.RevokedAt < now || s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }

    private Task<int> RevokeAsync(IQueryable<UserSession> sessions, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return sessions.Where(s => s.RevokedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RevokedAt, now), cancellationToken);
    }
}
