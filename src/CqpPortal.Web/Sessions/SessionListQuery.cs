using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Sessions;

/// <summary>
/// The filters of the staff lists of sessions (sessions, juries): <c>periode</c> « a-venir » (the default), « passees »
/// or « toutes »; <c>annee</c> (the year in Paris); <c>region</c>; <c>etat</c> « maintenues » or « annulees »; <c>type</c>;
/// and the search (place, town or postcode). Coming sessions soonest first, past ones latest first.
/// </summary>
public sealed class SessionListQuery : ListQuery
{
    public const string Coming = "a-venir", Past = "passees", All = "toutes";

    [FromQuery(Name = "periode")] public string? Period { get; set; }
    [FromQuery(Name = "annee")] public int? Year { get; set; }
    [FromQuery(Name = "region")] public Region? Region { get; set; }
    [FromQuery(Name = "etat")] public string? State { get; set; }
    [FromQuery(Name = "type")] public SessionKind? Kind { get; set; }

    /// <summary>The period shown: the one asked for, coming sessions otherwise.</summary>
    public string Shown => Period is Past or All ? Period : Coming;

    /// <summary>Whether any filter but the period narrows the list.</summary>
    public bool Narrowed => Search is not null || Year is not null || Region is not null || State is not null || Kind is not null;

    /// <summary>The sessions matching the filters in the given period (the shown one unless told), in the period's order.</summary>
    public IOrderedQueryable<Session> Apply(IQueryable<Session> sessions, DateTimeOffset now, string? period = null)
    {
        period ??= Shown;
        if (period == Coming) sessions = sessions.Where(s => s.StartsAt > now);
        if (period == Past) sessions = sessions.Where(s => s.StartsAt <= now);
        if (Year is { } year and > 1900 and < 3000)
        {
            var (from, to) = (DayInParis.Start(new DateOnly(year, 1, 1)), DayInParis.Start(new DateOnly(year + 1, 1, 1)));
            sessions = sessions.Where(s => s.StartsAt >= from && s.StartsAt < to);
        }
        if (Region is { } region) sessions = sessions.Where(s => s.Region == region);
        if (Kind is { } kind) sessions = sessions.Where(s => s.Kind == kind);
        if (State == "maintenues") sessions = sessions.Where(s => s.CancelledAt == null);
        if (State == "annulees") sessions = sessions.Where(s => s.CancelledAt != null);
        if (SearchPattern is { } pattern)
            sessions = sessions.Where(s => EF.Functions.ILike(EF.Functions.Unaccent(s.PlaceName), pattern) || EF.Functions.ILike(EF.Functions.Unaccent(s.City), pattern) || EF.Functions.ILike(EF.Functions.Unaccent(s.PostalCode), pattern));
        return period == Coming ? sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Id) : sessions.OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id);
    }

    /// <summary>The years (in Paris) the sessions span, latest first, for the « Année » filter.</summary>
    public static async Task<IReadOnlyList<int>> YearsAsync(IQueryable<Session> sessions)
    {
        var range = await sessions.GroupBy(_ => 1).Select(g => new { First = g.Min(s => s.StartsAt), Last = g.Max(s => s.StartsAt) }).FirstOrDefaultAsync();
        if (range is null) return [];
        var (first, last) = (DayInParis.Of(range.First).Year, DayInParis.Of(range.Last).Year);
        return Enumerable.Range(first, last - first + 1).Reverse().ToList();
    }
}
