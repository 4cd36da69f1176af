using System.Globalization;

namespace CqpPortal.Web.Lists;

/// <summary>The search of a list whose rows are already in memory: the text found anywhere, whatever its case and accents (« helene » finds « Hélène »).</summary>
public static class ListSearch
{
    private static readonly CompareInfo French = CultureInfo.GetCultureInfo("fr-FR").CompareInfo;

    public static bool Contains(string? field, string text) =>
        field is not null && French.IndexOf(field, text, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
}
