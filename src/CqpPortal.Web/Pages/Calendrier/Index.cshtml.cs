using System.Globalization;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Calendrier;

/// <summary>The public calendar of coming sessions; unknown filter values are ignored (the default list), never an error.</summary>
public class CalendarModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, DateTimeOffset StartsAt, SessionKind Kind, string City, Region Region, int SeatsLeft, DateOnly Deadline, string Status);

    public SessionKind? Kind { get; private set; }
    public Region? Region { get; private set; }
    public DateOnly? Month { get; private set; }
    public List<DateOnly> Months { get; private set; } = [];
    public List<Row> Sessions { get; private set; } = [];

    public async Task OnGetAsync(string? type, string? region, string? mois)
    {
        Kind = Enum.TryParse<SessionKind>(type, out var kind) && Enum.IsDefined(kind) ? kind : null;
        Region = Enum.TryParse<Region>(region, out var r) && Enum.IsDefined(r) ? r : null;
        Month = DateOnly.TryParseExact(mois + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : null;
        var now = clock.GetUtcNow();
        var today = FrenchFormat.TodayInParis(clock);
        var rows = await db.Sessions.Where(s => s.StartsAt > now)
            .Where(s => Kind == null || s.Kind == Kind)
            .Where(s => Region == null || s.Region == Region)
            .OrderBy(s => s.StartsAt)
            .Select(s => new { s.Id, s.StartsAt, s.Kind, s.City, s.Region, s.Capacity, s.RegistrationDeadline, Cancelled = s.CancelledAt != null,
                Enrolled = s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled) })
            .ToListAsync();
        Months = rows.Select(s => MonthOf(s.StartsAt)).Distinct().Order().ToList();
        Sessions = rows.Where(s => Month is null || MonthOf(s.StartsAt) == Month)
            .Select(s => new Row(s.Id, s.StartsAt, s.Kind, s.City, s.Region, Math.Max(0, s.Capacity - s.Enrolled), s.RegistrationDeadline,
                SessionStatus.Of(s.Cancelled, s.Capacity, s.Enrolled, s.RegistrationDeadline, today)))
            .ToList();
    }

    private static DateOnly MonthOf(DateTimeOffset instant)
    {
        var local = FrenchFormat.InParis(instant);
        return new DateOnly(local.Year, local.Month, 1);
    }
}

/// <summary>The status word shown for a session.</summary>
public static class SessionStatus
{
    public static string Of(bool cancelled, int capacity, int enrolled, DateOnly deadline, DateOnly today) =>
        cancelled ? "Annulée"
        : today > deadline ? "Inscriptions closes"
        : enrolled >= capacity ? "Complète (liste d'attente)"
        : "Ouverte";
}
