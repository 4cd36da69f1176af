using CqpPortal.Domain.Lists;

namespace CqpPortal.Web.Lists;

/// <summary>
/// The search of a list whose rows are already in memory: the text found anywhere, whatever its case and accents
/// (« helene » finds « Hélène »), with the accents taken off as the database's searches do (<see cref="SearchPattern"/>).
/// </summary>
public static class ListSearch
{
    public static bool Contains(string? field, string text) =>
        field is not null && SearchPattern.Unaccented(field).Contains(SearchPattern.Unaccented(text), StringComparison.OrdinalIgnoreCase);
}
