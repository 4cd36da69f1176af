using System.Collections.Concurrent;
using CqpPortal.Domain.Accounts;
using CqpPortal.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Identity;

/// <summary>
/// The failed sign-ins of the last minutes, in this node's memory (as the other rate limits), judged by
/// <see cref="SignInThrottle"/>; and a password check of the same cost for an address that has no account, so that
/// the time of the answer does not tell whether an account exists.
/// </summary>
public sealed class SignInAttempts(TimeProvider clock, IOptions<PortalSettings> settings, IOptions<PasswordHasherOptions> hashing)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> failures = new();
    // Identity registers its hasher as scoped; this node-wide singleton keeps one of its own, with the same options.
    private readonly PasswordHasher<PortalUser> hasher = new(hashing);
    private readonly Lazy<string> decoyHash = new(() => new PasswordHasher<PortalUser>(hashing).HashPassword(new PortalUser(), Guid.NewGuid().ToString("N")));

    private SignInThrottle Throttle => new(settings.Value.SignInFailuresPerAccountAndAddress, settings.Value.SignInFailuresPerAddress, SignInThrottle.Default.Window);

    /// <summary>How long this address must wait before trying this account again; null when it may try now.</summary>
    public TimeSpan? Wait(string email, string address)
    {
        var now = clock.GetUtcNow();
        return Throttle.Wait(Snapshot(AccountKey(email, address)), Snapshot(AddressKey(address)), now);
    }

    public void Failed(string email, string address)
    {
        var now = clock.GetUtcNow();
        foreach (var key in new[] { AccountKey(email, address), AddressKey(address) })
        {
            var list = failures.GetOrAdd(key, _ => []);
            lock (list)
            {
                list.RemoveAll(f => !Throttle.StillCounts(f, now));
                list.Add(now);
            }
        }
        if (failures.Count > SweepAbove) Sweep(now);
    }

    /// <summary>A successful sign-in forgets the account's failures from that address (not the address's own count).</summary>
    public void Succeeded(string email, string address) => failures.TryRemove(AccountKey(email, address), out _);

    /// <summary>A password reset proves the address is the person's: their account's failures, from every address, are forgotten.</summary>
    public void Forget(string email)
    {
        var prefix = AccountKey(email, "");
        foreach (var key in failures.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            failures.TryRemove(key, out _);
    }

    /// <summary>Verifies the typed password against a hash of a random one: the work a real account's check does.</summary>
    public void CheckDecoy(string password) => hasher.VerifyHashedPassword(new PortalUser(), decoyHash.Value, password);

    private IReadOnlyCollection<DateTimeOffset> Snapshot(string key)
    {
        if (!failures.TryGetValue(key, out var list)) return [];
        lock (list) return [.. list];
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, list) in failures)
        {
            bool empty;
            lock (list) empty = list.TrueForAll(f => !Throttle.StillCounts(f, now));
            if (empty) failures.TryRemove(key, out _);
        }
    }

    private static string AccountKey(string email, string address) => $"account:{email.Trim().ToUpperInvariant()}|{address}";

    private static string AddressKey(string address) => "address:" + address;
}
