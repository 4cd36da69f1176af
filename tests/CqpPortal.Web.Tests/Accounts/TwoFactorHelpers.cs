using System.Buffers.Binary;
using System.Security.Cryptography;
using CqpPortal.Testing;

namespace CqpPortal.Web.Tests.Accounts;

/// <summary>What an authenticator app does (RFC 6238: HMAC-SHA1 of the 30-second step, 6 digits), from the key the page shows.</summary>
internal static class Totp
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastGiven = new();

    /// <summary>
    /// A code the portal has not seen yet: the current step's, or, when a test already used it, the next step's (the app
    /// would show it 30 s later; the portal accepts two steps ahead), since the portal takes each code once.
    /// </summary>
    public static string Code(string key)
    {
        var step = LastGiven.AddOrUpdate(key, _ => StepNow(), (_, last) => Math.Max(StepNow(), last + 1));
        return At(key, step);
    }

    /// <summary>The code an app shows at an instant (a test's fake clock).</summary>
    public static string CodeAt(string key, DateTimeOffset now) => At(key, now.ToUnixTimeSeconds() / 30);

    private static long StepNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    private static string At(string key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32(key), counter);
        var offset = hash[^1] & 0x0f;
        return ((BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000).ToString("D6");
    }

    /// <summary>A code valid at no step Identity accepts (±2 steps around now).</summary>
    public static string Wrong(string key)
    {
        var valid = Enumerable.Range(-3, 7).Select(i => At(key, StepNow() + i)).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => $"{(int.Parse(At(key, StepNow())) + 1 + i) % 1_000_000:D6}").First(c => !valid.Contains(c));
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.Where(char.IsLetterOrDigit).Select(c => Convert.ToString(alphabet.IndexOf(char.ToUpperInvariant(c)), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}

/// <summary>Turning the second factor on through the pages, as a user does.</summary>
internal static class TwoFactorPages
{
    /// <summary>Opens the setup page, confirms with a code from the key shown and returns the key and the recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(PortalClient client, string? returnUrl = null)
    {
        var url = "/Compte/DoubleAuthentification/Activer" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var (_, page) = await client.GetAsync(url);
        var key = page.QuerySelector("code.authenticator-key")!.TextContent;
        var enabled = await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        if (!PortalClient.IsRedirectTo(enabled, "/Compte/DoubleAuthentification/CodesDeSecours"))
            throw new InvalidOperationException($"Enabling answered {enabled.StatusCode} {enabled.Headers.Location}");
        var (_, codes) = await client.GetAsync(enabled.Headers.Location!.OriginalString);
        return (key, codes.QuerySelectorAll("ul.recovery-codes code").Select(c => c.TextContent).ToList());
    }
}
