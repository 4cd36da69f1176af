using System.Globalization;
using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Vocabulary;
using System.Security.Claims;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Formatting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Pages.Calendrier;

/// <summary>The public calendar of coming sessions; unknown filter values are ignored (the default list), never an error.</summary>
public class CalendarModel(CqpDbContext db, TimeProvider clock, EmployeeFollowing following) : PageModel
{
    /// <summary>Signed in as a company manager: the followed employees enrolled in each session shown (by session id).</summary>
    public Dictionary<int, List<string>> Employees { get; private set; } = [];
    public bool AsManager { get; private set; }

    public sealed record Row(int Id, DateTimeOffset StartsAt, SessionKind Kind, int DurationMinutes, string PlaceName, string City, Region Region,
        int? SeatsLeft, DateOnly Deadline, SessionAvailability Availability, string? Training = null);

    public SessionKind? Kind { get; private set; }
    public Region? Region { get; private set; }
    public DateOnly? Month { get; private set; }
    public List<DateOnly> Months { get; private set; } = [];
    public List<Row> Sessions { get; private set; } = [];

    public async Task OnGetAsync(string? type, string? region, string? mois)
    {
        (Kind, Region, Month) = (Named<SessionKind>(type), Named<Region>(region), MonthOf(mois));
        var now = clock.GetUtcNow();
        var today = DayInParis.Today(clock);
        var rows = new List<ComingSession>();
        await foreach (var row in ComingSessions(db, now, Kind, Region)) rows.Add(row);
        // The month list offers the months that have sessions for the other filters, and keeps the one asked for.
        Months = rows.Select(s => MonthOf(s.StartsAt)).Append(Month ?? default).Where(m => m != default).Distinct().Order().ToList();
        Sessions = rows.Where(s => Month is null || MonthOf(s.StartsAt) == Month)
            .Select(s => new Row(s.Id, s.StartsAt, s.Kind, s.DurationMinutes, s.PlaceName, s.City, s.Region,
                SessionAvailabilityRule.SeatsShown(s.Kind, s.Capacity, s.Enrolled), s.RegistrationDeadline,
                SessionAvailabilityRule.Of(s.Kind, s.Cancelled, s.Capacity, s.Enrolled, s.RegistrationDeadline, today),
                s.UnitNumber is { } unit ? $"Unité {unit} – {s.UnitTitle} : {s.ModuleTitle}" : null))
            .ToList();
        AsManager = User.IsInRole(Roles.CompanyManager);
        if (AsManager && User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            Employees = await following.EnrolledEmployeesAsync(userId, Sessions.Select(s => s.Id).ToList());
    }

    private sealed record ComingSession(int Id, DateTimeOffset StartsAt, SessionKind Kind, int DurationMinutes, string PlaceName, string City,
        Region Region, int Capacity, DateOnly RegistrationDeadline, bool Cancelled, int Enrolled,
        int? UnitNumber, string? UnitTitle, string? ModuleTitle);

    // Compiled once: signed-in visitors (never served from the output cache) skip EF's query translation lookup.
    private static readonly Func<CqpDbContext, DateTimeOffset, SessionKind?, Region?, IAsyncEnumerable<ComingSession>> ComingSessions =
        EF.CompileAsyncQuery((CqpDbContext db, DateTimeOffset now, SessionKind? kind, Region? region) => db.Sessions
            .Where(s => s.StartsAt > now)
            .Where(s => kind == null || s.Kind == kind)
            .Where(s => region == null || s.Region == region)
            .OrderBy(s => s.StartsAt)
            .Select(s => new ComingSession(s.Id, s.StartsAt, s.Kind, s.DurationMinutes, s.PlaceName, s.City, s.Region, s.Capacity, s.RegistrationDeadline,
                s.CancelledAt != null, s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled),
                s.Kind == SessionKind.Training ? (int?)s.Unit!.Number : null, s.Kind == SessionKind.Training ? s.Unit!.Title : null, s.ModuleTitle)));

    /// <summary>Only a value's own name counts: numbers and comma lists ("1", "Jury,Evaluation") are nonsense here.</summary>
    private static T? Named<T>(string? value) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v => v.ToString() == value);

    private static DateOnly? MonthOf(string? value) =>
        value is { Length: 7 } && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : null;

    private static DateOnly MonthOf(DateTimeOffset instant)
    {
        var local = FrenchFormat.InParis(instant);
        return new DateOnly(local.Year, local.Month, 1);
    }
}
