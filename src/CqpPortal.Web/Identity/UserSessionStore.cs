using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using CqpPortal.Domain.Accounts;
using CqpPortal.Web.Data;
using CqpPortal.Web.Data.Configurations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Identity;

/// <summary>
/// The sign-in cookie's ticket store: the cookie carries only a random key, the ticket lives in <see cref="UserSession"/>
/// rows. Signing out revokes the row (a replayed cookie opens nothing), and every request checks the row is neither
/// revoked nor past its <see cref="SessionLifetime"/> — on the server's clock (<see cref="TimeProvider"/>), so revoking a
/// session (a password change, « Mettre fin ») takes effect at the next request, on every node.
/// </summary>
public sealed class UserSessionStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    /// <summary>Where the current request's session id is kept (<see cref="CurrentSession"/>).</summary>
    private const string CurrentItem = "cqp.user-session";

    /// <summary>The session's first sign-in, carried across the renewals of its ticket so the 12-hour limit is not restarted.</summary>
    private const string StartedItem = ".cqp.started";

    private readonly IDataProtector protector = protection.CreateProtector("CqpPortal.UserSessions.Ticket");

    /// <summary>The id of the session the current request came with (or has just opened); null when anonymous.</summary>
    public static Guid? CurrentSession(HttpContext context) => context.Items[CurrentItem] as Guid?;

    public static byte[] Hash(string key) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var started = StartedAt(ticket) ?? now;
        ticket.Properties.Items[StartedItem] = started.ToString("O", CultureInfo.InvariantCulture);
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            KeyHash = Hash(key),
            UserId = UserId(ticket),
            Ticket = Protect(ticket),
            CreatedAt = started,
            LastSeenAt = now,
            ExpiresAt = Lifetime(ticket).EndsAt(started, now),
            UserAgent = httpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, UserSessionConfiguration.UserAgentLength)] : null,
            IpAddress = httpContext is null ? null : Hosting.PortalRateLimits.ClientAddress(httpContext),
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            db.UserSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            // A session opened is a sign-in: the retention period of an unused account counts from the last one.
            await db.Users.Where(u => u.Id == session.UserId).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignInAt, now), cancellationToken);
        }
        if (httpContext is not null) httpContext.Items[CurrentItem] = session.Id;
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    /// <summary>A renewed ticket (sliding expiration, refreshed claims, a sign-in over this session): stored in place, never reopening a revoked session.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var hash = Hash(key);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.KeyHash == hash && s.RevokedAt == null, cancellationToken);
        if (session is null) return;
        var now = clock.GetUtcNow();
        var userId = UserId(ticket);
        if (userId != session.UserId)
        {
            // Someone else signed in on this browser: a new session for them, on the same key.
            session.UserId = userId;
            session.CreatedAt = now;
        }
        ticket.Properties.Items[StartedItem] = session.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
        session.Ticket = Protect(ticket);
        session.LastSeenAt = now;
        session.ExpiresAt = Lifetime(ticket).EndsAt(session.CreatedAt, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    /// <summary>The ticket, unless the session was revoked or has ended; « last seen » recorded at most once a minute.</summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var hash = Hash(key);
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.KeyHash == hash, cancellationToken);
        if (session is null || session.RevokedAt is not null) return null;
        var ticket = Unprotect(session.Ticket);
        if (ticket is null) return null;
        var now = clock.GetUtcNow();
        var lifetime = Lifetime(ticket);
        if (lifetime.HasEnded(session.CreatedAt, session.LastSeenAt, now)) return null;
        if (SessionLifetime.ShouldRecordLastSeen(session.LastSeenAt, now))
        {
            var expires = lifetime.EndsAt(session.CreatedAt, now);
            await db.UserSessions.Where(s => s.Id == session.Id && s.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, now).SetProperty(s => s.ExpiresAt, expires), cancellationToken);
        }
        if (httpContext is not null) httpContext.Items[CurrentItem] = session.Id;
        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    /// <summary>Sign-out: the session is revoked on the server, so the cookie, even kept or copied, opens nothing afterwards.</summary>
    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var hash = Hash(key);
        var now = clock.GetUtcNow();
        await db.UserSessions.Where(s => s.KeyHash == hash && s.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RevokedAt, now), cancellationToken);
    }

    private static string UserId(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A sign-in ticket without a user id.");

    private static SessionLifetime Lifetime(AuthenticationTicket ticket) => SessionLifetime.For(Roles.ReadsOthersFiles(ticket.Principal));

    private static DateTimeOffset? StartedAt(AuthenticationTicket ticket) =>
        ticket.Properties.Items.TryGetValue(StartedItem, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var started) ? started : null;

    private byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] data)
    {
        try { return TicketSerializer.Default.Deserialize(protector.Unprotect(data)); }
        catch (CryptographicException) { return null; }
    }
}
