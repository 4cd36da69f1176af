using CqpPortal.Domain.Lists;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Lists;

/// <summary>One page of a filtered list: its rows, how many rows the whole filtered list has, which page of how many.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Rows, int Total, int Number, int PageSize) : IListPage
{
    public int PageCount => ListPaging.PageCount(Total, PageSize);
}

/// <summary>What the pager (<c>_ListPager</c>) needs of a page, whatever its rows.</summary>
public interface IListPage
{
    int Total { get; }
    int Number { get; }
    int PageSize { get; }
    int PageCount { get; }
}

public static class ListPages
{
    /// <summary>The asked page of an ordered query: a count, then the page's rows, both in PostgreSQL.</summary>
    public static async Task<ListPage<T>> PageAsync<T>(this IQueryable<T> ordered, ListQuery query, CancellationToken cancellationToken = default)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var page = ListPaging.Page(query.Page, total, query.PageSize);
        var rows = await ordered.Skip(ListPaging.Skip(page, query.PageSize)).Take(query.PageSize).ToListAsync(cancellationToken);
        return new ListPage<T>(rows, total, page, query.PageSize);
    }

    /// <summary>The asked page of rows already in memory (a list whose rows a rule decides after reading them).</summary>
    public static ListPage<T> Page<T>(this IReadOnlyList<T> rows, ListQuery query)
    {
        var page = ListPaging.Page(query.Page, rows.Count, query.PageSize);
        return new ListPage<T>(rows.Skip(ListPaging.Skip(page, query.PageSize)).Take(query.PageSize).ToList(), rows.Count, page, query.PageSize);
    }
}
