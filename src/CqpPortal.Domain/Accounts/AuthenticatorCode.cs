using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CqpPortal.Domain.Accounts;

/// <summary>
/// The 6-digit code of an authenticator app (RFC 6238: HMAC-SHA1 of the 30-second time-step, 6 digits), checked as
/// Identity checks it (two steps either side of now, for clocks that drift), except that a code is good once: the step
/// it matches must come after the last step used by the account, so a code seen over a shoulder or in a proxy's log
/// cannot sign in again within its window.
/// </summary>
public static class AuthenticatorCode
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);
    public const int StepsEitherSide = 2;

    /// <summary>The time-step of an instant (Identity's rounding: to the nearest second, then 30-second steps).</summary>
    public static long StepAt(DateTimeOffset now) => (long)Math.Round((now - DateTimeOffset.UnixEpoch).TotalSeconds) / (long)Step.TotalSeconds;

    /// <summary>The code of a step, from the key's bytes.</summary>
    public static string At(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        return ((BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The step the typed code matches within the window, later than <paramref name="lastUsedStep"/>; null when the code
    /// is wrong, too old, or already used (or an older one was used after it).
    /// </summary>
    public static long? MatchingStep(byte[] key, string typed, DateTimeOffset now, long? lastUsedStep)
    {
        if (typed.Length != 6 || !typed.All(char.IsAsciiDigit) || key.Length == 0) return null;
        var current = StepAt(now);
        for (var step = current - StepsEitherSide; step <= current + StepsEitherSide; step++)
        {
            if (step <= lastUsedStep) continue;
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(At(key, step)), System.Text.Encoding.ASCII.GetBytes(typed))) return step;
        }
        return null;
    }

    /// <summary>The key's bytes from its Base32 text as the app is given it (« ABCD EFGH… », any case, spaces ignored).</summary>
    public static byte[] KeyBytes(string base32)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(base32.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in base32)
        {
            if (char.IsWhiteSpace(c) || c == '=') continue;
            var value = alphabet.IndexOf(char.ToUpperInvariant(c));
            if (value < 0) return [];
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
