using System.Globalization;
using System.Text;

namespace CqpPortal.Domain.Lists;

/// <summary>
/// A search typed in a staff list, as an <c>ILIKE</c> pattern compared with PostgreSQL's <c>unaccent()</c> of each
/// column: the text found anywhere, whatever its case and accents (« helene » and « Hélène » find « Hélène », « coeur »
/// finds « Cœur »), its <c>%</c>, <c>_</c> and <c>\</c> taken literally.
/// </summary>
public static class SearchPattern
{
    public static string? Of(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var text = Unaccented(typed.Trim());
        return "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
    }

    /// <summary>The letters without their accents, and the ligatures spelt out, as <c>unaccent()</c> does.</summary>
    public static string Unaccented(string text)
    {
        var decomposed = text.Replace("œ", "oe").Replace("Œ", "OE").Replace("æ", "ae").Replace("Æ", "AE").Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) kept.Append(c);
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }
}
