using System.Reflection;

namespace CqpPortal.Domain.Accounts;

/// <summary>
/// The one password rule (ASVS 4 level 2, NIST SP 800-63B): from 12 to 128 characters, no composition rule (a long
/// phrase of lowercase words is fine), and refused when it is one of the most common breached passwords, as typed or
/// with digits added before or after it (« motdepasse123 »). The list ships with the code (CommonPasswords.txt).
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    public const string TooShort = "Votre mot de passe doit compter au moins 12 caractères.";
    public const string TooLong = "Votre mot de passe ne peut pas dépasser 128 caractères.";
    public const string TooCommon = "Ce mot de passe figure parmi les plus courants, que les pirates essaient en premier : choisissez-en un autre, par exemple une phrase de quelques mots.";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <summary>Why <paramref name="password"/> is refused, in French; empty when it is accepted.</summary>
    public static IReadOnlyList<string> WhyRefused(string? password)
    {
        password ??= "";
        // Counted in text elements, so that an accented letter typed as two code points counts once.
        var length = new System.Globalization.StringInfo(password).LengthInTextElements;
        if (length < MinimumLength) return [TooShort];
        if (length > MaximumLength) return [TooLong];
        return IsCommon(password) ? [TooCommon] : [];
    }

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(lower)) return true;
        // A common password with digits added after it (« 1234567890 » + « 12 ») or before it (« 2024 » + « motdepasse »).
        for (var cut = 1; cut < lower.Length; cut++)
        {
            if (lower[cut..].All(char.IsAsciiDigit) && Common.Value.Contains(lower[..cut])) return true;
            if (lower[..cut].All(char.IsAsciiDigit) && Common.Value.Contains(lower[cut..])) return true;
        }
        return false;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CqpPortal.Domain.Accounts.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.ToLowerInvariant());
        return set;
    }
}
