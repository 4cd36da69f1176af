using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CqpPortal.Web.Lists;

/// <summary>Links of a list page that keep its filters: the same address with some query values changed or removed.</summary>
public static class ListLinks
{
    /// <summary>The request's path and query, each named value replaced (null removes it); the page handler is dropped unless set.</summary>
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var values = request.Query.Where(q => !q.Key.Equals("handler", StringComparison.OrdinalIgnoreCase) && !changes.Any(c => c.Key.Equals(q.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(q => q.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => KeyValuePair.Create(q.Key, (string?)v))).ToList();
        values.AddRange(changes.Where(c => c.Value is not null).Select(c => KeyValuePair.Create(c.Key, c.Value)));
        return request.PathBase + request.Path + QueryString.Create(values);
    }

    /// <summary>The export of the list as it is filtered (all pages) in the given format.</summary>
    public static string Export(HttpRequest request, string format, string handler = "Export") =>
        With(request, ("page", null), ("handler", handler), ("format", format));
}
