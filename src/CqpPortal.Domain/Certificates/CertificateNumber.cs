using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace CqpPortal.Domain.Certificates;

/// <summary>
/// A certificate's number: 60 random bits from a cryptographic source (nobody can guess a neighbour's number), written
/// as 12 Crockford base-32 characters in groups of four, then Crockford's mod-37 check character
/// (e.g. « 7K3M-9QX2-HT4B-W »). The check catches any single mistyped character and any swap of two adjacent
/// characters. Numbers whose check value would be one of Crockford's symbols (* ~ $ = U) are drawn again, so a number
/// is only digits and capital letters (safe in a link, easy to read aloud).
/// </summary>
public static class CertificateNumber
{
    public const int DataLength = 12;
    public const int RandomBits = DataLength * 5;

    /// <summary>How a number looks, for the message shown when what someone typed is not one.</summary>
    public const string ExpectedFormat = "XXXX-XXXX-XXXX-X (12 caractères en trois groupes de quatre, puis un caractère de contrôle)";

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random number, formatted.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[8];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            var value = BitConverter.ToUInt64(bytes) & ((1UL << RandomBits) - 1);
            if (value % 37 < 32) return Format(value);
        }
    }

    /// <summary>The formatted number of a 60-bit value whose check value is a letter or digit.</summary>
    public static string Format(ulong value)
    {
        if (value >> RandomBits != 0) throw new ArgumentOutOfRangeException(nameof(value), "A certificate number holds 60 bits.");
        if (value % 37 >= 32) throw new ArgumentOutOfRangeException(nameof(value), "Numbers whose check is a symbol are not issued.");
        var data = new char[DataLength];
        for (int i = DataLength - 1, v = 0; i >= 0; i--, v++) data[i] = Alphabet[(int)((value >> (5 * v)) & 31)];
        var text = new string(data);
        return $"{text[..4]}-{text[4..8]}-{text[8..]}-{Alphabet[(int)(value % 37)]}";
    }

    /// <summary>
    /// Reads what a person typed: case, spaces and dashes do not matter, O reads as 0, I and L as 1. True only for a
    /// number of the right length whose check character matches; <paramref name="number"/> is then its formatted form.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64) return false;
        var compact = new StringBuilder(DataLength + 1);
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '-' or '\t' or '\u00A0' or '\u2010' or '\u2011' or '\u2013') continue;
            compact.Append(c switch { 'O' => '0', 'I' or 'L' => '1', _ => c });
        }
        if (compact.Length != DataLength + 1) return false;
        ulong value = 0;
        for (var i = 0; i < DataLength; i++)
        {
            var digit = Alphabet.IndexOf(compact[i]);
            if (digit < 0) return false;
            value = (value << 5) | (uint)digit;
        }
        var check = Alphabet.IndexOf(compact[DataLength]);
        if (check < 0 || (ulong)check != value % 37) return false;
        number = Format(value);
        return true;
    }

    public static bool IsWellFormed(string? text) => TryParse(text, out _);
}
