namespace CqpPortal.Web.Data;

/// <summary>
/// A signed-in session, kept on the server (the sign-in cookie holds only its random key): signing out, a password
/// change or « Mettre fin » revokes it, and a replayed cookie then opens nothing. Only the key's SHA-256 is stored, so
/// the table cannot be used to forge cookies; the ticket (the user's claims) is protected with Data Protection.
/// </summary>
public class UserSession
{
    /// <summary>The session's public id, for « Mettre fin » (never the key).</summary>
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the cookie's key.</summary>
    public required byte[] KeyHash { get; set; }

    public required string UserId { get; set; }

    /// <summary>The authentication ticket, serialised and protected with Data Protection.</summary>
    public required byte[] Ticket { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last request, recorded at most once a minute.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>When the session ends without a further request (idle limit or overall limit); the purge deletes it after.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The browser's User-Agent, truncated.</summary>
    public string? UserAgent { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>Set by sign-out, a password change or reset, or « Mettre fin »: the session opens nothing afterwards.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
