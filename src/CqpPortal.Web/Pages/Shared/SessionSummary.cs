using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Shared;

/// <summary>A coming session as the evaluator and jury areas list it (partial _SessionsTable).</summary>
public sealed record SessionSummary(DateTimeOffset StartsAt, SessionKind Kind, string PlaceName, string City, int Enrolled)
{
    public static Task<List<SessionSummary>> UpcomingAsync(CqpDbContext db, DateTimeOffset now, params SessionKind[] kinds) =>
        UpcomingExceptAsync(db, now, [], kinds);

    /// <summary>The coming sessions of those kinds but the ones listed already (a member's own juries, shown above).</summary>
    public static Task<List<SessionSummary>> UpcomingExceptAsync(CqpDbContext db, DateTimeOffset now, IReadOnlyCollection<int> except, params SessionKind[] kinds) =>
        db.Sessions.Where(s => kinds.Contains(s.Kind) && s.StartsAt > now && s.CancelledAt == null && !except.Contains(s.Id))
            .OrderBy(s => s.StartsAt).Take(12)
            .Select(s => new SessionSummary(s.StartsAt, s.Kind, s.PlaceName, s.City, s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled)))
            .ToListAsync();
}
