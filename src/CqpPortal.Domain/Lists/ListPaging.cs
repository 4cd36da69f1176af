namespace CqpPortal.Domain.Lists;

/// <summary>
/// A staff or manager list read a page at a time: 25, 50 or 100 rows a page (25 unless one of those is asked for: a
/// hand-typed 10,000 would bring the whole table back), and a page number always inside the list, so that a link kept
/// from a longer list, or a filter that narrows it, lands on its last page rather than on an empty one.
/// </summary>
public static class ListPaging
{
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];
    public const int DefaultPageSize = 25;

    public static int PageSize(int? asked) => asked is { } size && PageSizes.Contains(size) ? size : DefaultPageSize;

    /// <summary>How many pages <paramref name="total"/> rows fill; an empty list is one (empty) page.</summary>
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>The page shown: the one asked for, brought within 1 and the last page.</summary>
    public static int Page(int? asked, int total, int pageSize) => Math.Clamp(asked ?? 1, 1, PageCount(total, pageSize));

    /// <summary>How many rows come before the page.</summary>
    public static int Skip(int page, int pageSize) => (page - 1) * pageSize;
}
