using System.Security.Cryptography;
using System.Text;

namespace CqpPortal.Domain.Surveys;

/// <summary>
/// The token of a personal survey link: 32 random bytes in base64url (43 characters), unguessable; only its SHA-256 (in
/// lower-case hex) is stored, so the database alone cannot answer for anyone. Each e-mail carries a token of its own.
/// </summary>
public static class SurveyLinkToken
{
    public const int Length = 43;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>True when <paramref name="token"/> can have been made by <see cref="New"/>: anything else is not looked up.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
