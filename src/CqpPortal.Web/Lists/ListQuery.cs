using CqpPortal.Domain.Lists;
using Microsoft.AspNetCore.Mvc;

namespace CqpPortal.Web.Lists;

/// <summary>
/// What a long list is asked for, read from the query string of a GET form (so the address can be shared and the back
/// button works): the search text <c>q</c>, the page <c>page</c> and its size <c>taille</c> (25, 50 or 100,
/// <see cref="ListPaging"/>). A list's own filters are properties of a subclass, each with its French query name.
/// Bound with <c>[BindProperty(SupportsGet = true)]</c>: unreadable values are ignored (the list is shown unfiltered).
/// </summary>
public class ListQuery
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    [FromQuery(Name = "taille")]
    public int? Size { get; set; }

    /// <summary>The search text, trimmed; null when there is none.</summary>
    public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();

    /// <summary>The <c>ILIKE</c> pattern to compare with <c>EF.Functions.Unaccent(column)</c> (<see cref="Domain.Lists.SearchPattern"/>).</summary>
    public string? SearchPattern => Domain.Lists.SearchPattern.Of(Q);

    /// <summary>The search text as a file number (« 1234 » or « n° 1234 »), when it is one.</summary>
    public int? SearchNumber => Search is { } text && int.TryParse(text.TrimStart('n', 'N', '°', 'º', ' '), out var number) && number > 0 ? number : null;

    public int PageSize => ListPaging.PageSize(Size);
}
