namespace CqpPortal.Domain.Accounts;

/// <summary>
/// How long a signed-in session lasts (OWASP ASVS 3.3.2, issue 16). People who read other people's files — the
/// organisation's staff and administrator, evaluators, jury members, SIST's analysts and the review committee — are
/// signed out after 30 minutes without a request and 12 hours after signing in, whatever they do: a shared or
/// forgotten computer does not stay open on candidates' files. Everyone else (candidates, company managers) keeps
/// 8 hours without a request and no overall limit, as before.
/// </summary>
public sealed record SessionLifetime(TimeSpan Idle, TimeSpan? Absolute)
{
    /// <summary>Staff, evaluators, jury members, analysts: 30 minutes idle, 12 hours at most.</summary>
    public static readonly SessionLifetime ReadsOthersFiles = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(12));

    /// <summary>Candidates and company managers: 8 hours idle, sliding without limit.</summary>
    public static readonly SessionLifetime Standard = new(TimeSpan.FromHours(8), null);

    /// <summary>
    /// « Last seen » is written at most this often (one write a minute per session, not one per request): a session may
    /// therefore end up to this much before its idle limit after its last request, never after.
    /// </summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    public static SessionLifetime For(bool readsOthersFiles) => readsOthersFiles ? ReadsOthersFiles : Standard;

    /// <summary>When a session started at <paramref name="startedAt"/> and last seen at <paramref name="lastSeenAt"/> ends: the earlier of its two limits.</summary>
    public DateTimeOffset EndsAt(DateTimeOffset startedAt, DateTimeOffset lastSeenAt)
    {
        var idleEnd = lastSeenAt + Idle;
        return Absolute is { } absolute && startedAt + absolute < idleEnd ? startedAt + absolute : idleEnd;
    }

    /// <summary>Whether the session has ended at <paramref name="now"/> (at its end instant exactly, it has).</summary>
    public bool HasEnded(DateTimeOffset startedAt, DateTimeOffset lastSeenAt, DateTimeOffset now) => now >= EndsAt(startedAt, lastSeenAt);

    /// <summary>Whether a request at <paramref name="now"/> should record itself as the session's « last seen » (throttled).</summary>
    public static bool ShouldRecordLastSeen(DateTimeOffset lastSeenAt, DateTimeOffset now) => now - lastSeenAt >= LastSeenPrecision;
}
