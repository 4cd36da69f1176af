namespace CqpPortal.Domain.Vocabulary;

/// <summary>The 14-digit SIRET of an establishment: the SIREN (9 digits) + NIC (5), with a Luhn check digit.</summary>
public static class Siret
{
    /// <summary>Digits only: users type "123 456 789 00012".</summary>
    public static string Normalize(string? value) => new((value ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());

    public static bool IsValid(string? value)
    {
        var siret = Normalize(value);
        if (siret.Length != 14 || !siret.All(char.IsAsciiDigit)) return false;
        // La Poste's establishments share one SIREN and use another rule: the sum of the digits is a multiple of 5.
        if (siret.StartsWith("356000000")) return siret.Sum(c => c - '0') % 5 == 0;
        return LuhnSum(siret) % 10 == 0;
    }

    /// <summary>Completes 13 digits with the check digit that makes a valid SIRET.</summary>
    public static string WithCheckDigit(string thirteenDigits)
    {
        if (thirteenDigits.Length != 13 || !thirteenDigits.All(char.IsAsciiDigit)) throw new ArgumentException("13 digits expected.", nameof(thirteenDigits));
        return Enumerable.Range(0, 10).Select(d => thirteenDigits + d).First(s => LuhnSum(s) % 10 == 0);
    }

    // From the left of a 14-digit number, the digits in even positions (0-based) are doubled.
    private static int LuhnSum(string digits) =>
        digits.Select((c, i) => (c - '0') * (i % 2 == 0 ? 2 : 1)).Sum(v => v > 9 ? v - 9 : v);
}
