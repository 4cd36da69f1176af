namespace CqpPortal.Domain.Accounts;

/// <summary>
/// How many failed sign-ins are let through before the next attempt must wait (OWASP ASVS 2.2.1). Failures are counted
/// per account <em>and</em> address, so that guessing one person's password from one place is slowed, while nobody can
/// lock someone else's account from elsewhere (Identity's lockout let anyone lock any account with five wrong
/// passwords); and per address, so that one place cannot try passwords across many accounts.
/// </summary>
public sealed class SignInThrottle(int failuresPerAccountAndAddress, int failuresPerAddress, TimeSpan window)
{
    public static readonly SignInThrottle Default = new(5, 30, TimeSpan.FromMinutes(15));

    public int FailuresPerAccountAndAddress { get; } = failuresPerAccountAndAddress;
    public int FailuresPerAddress { get; } = failuresPerAddress;
    public TimeSpan Window { get; } = window;

    /// <summary>
    /// How long to wait before the next attempt, given the failures recorded (their instants, any order) for this account
    /// from this address and for this address; null when an attempt may be made now.
    /// </summary>
    public TimeSpan? Wait(IReadOnlyCollection<DateTimeOffset> accountAndAddress, IReadOnlyCollection<DateTimeOffset> address, DateTimeOffset now)
    {
        var waits = new[] { Wait(accountAndAddress, FailuresPerAccountAndAddress, now), Wait(address, FailuresPerAddress, now) };
        return waits.Max();
    }

    /// <summary>Failures older than the window no longer count.</summary>
    public bool StillCounts(DateTimeOffset failure, DateTimeOffset now) => failure > now - Window;

    /// <summary>The wait when the limit is reached within the window: until the oldest counted failure leaves it.</summary>
    private TimeSpan? Wait(IReadOnlyCollection<DateTimeOffset> failures, int limit, DateTimeOffset now)
    {
        var counted = failures.Where(f => StillCounts(f, now)).OrderByDescending(f => f).Take(limit).ToList();
        if (counted.Count < limit) return null;
        return counted[^1] + Window - now;
    }

    /// <summary>The wait in whole minutes, as the page says it (« réessayez dans 3 minutes »): never 0.</summary>
    public static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
}
