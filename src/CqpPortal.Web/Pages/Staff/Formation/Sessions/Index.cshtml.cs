using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Formation.Sessions;

/// <summary>
/// The training sessions, coming (from today on) or past, filtered by region, unit, trainer or the signed-in trainer's own,
/// with their enrolments and the links to edit them, enrol trainees and record attendance.
/// </summary>
public class TrainingSessionsModel(CqpDbContext db, TrainingSessions sessions, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, DateTimeOffset StartsAt, int DurationMinutes, int UnitNumber, string UnitTitle, string? Module, string? Trainer,
        string PlaceName, string City, string? Room, int Enrolled, int Capacity, bool Cancelled);

    public const string PastPeriod = "passees";

    [BindProperty(SupportsGet = true, Name = "region")]
    public Region? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "unite")]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "formateur")]
    public string? TrainerUserId { get; set; }

    /// <summary>« Mes sessions »: the signed-in staff member's sessions as trainer (the trainer filter is then ignored).</summary>
    [BindProperty(SupportsGet = true, Name = "mes")]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? Period { get; set; }

    [TempData]
    public string? Message { get; set; }

    public bool Past => Period == PastPeriod;
    public DateOnly Today { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public List<TrainerChoice> Trainers { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Today = DayInParis.Today(clock);
        Trainers = await sessions.TrainersAsync();
        Units = await TrainingSessionEditModel.UnitChoicesAsync(db, null);
        var startOfToday = DayInParis.Start(Today).ToUniversalTime();
        var query = db.Sessions.Where(s => s.Kind == SessionKind.Training);
        query = Past ? query.Where(s => s.StartsAt < startOfToday) : query.Where(s => s.StartsAt >= startOfToday);
        if (Region is { } region) query = query.Where(s => s.Region == region);
        if (UnitId is { } unitId) query = query.Where(s => s.UnitId == unitId);
        var trainer = Mine ? users.GetUserId(User) : string.IsNullOrWhiteSpace(TrainerUserId) ? null : TrainerUserId;
        if (trainer is not null) query = query.Where(s => s.TrainerUserId == trainer);
        query = Past ? query.OrderByDescending(s => s.StartsAt) : query.OrderBy(s => s.StartsAt);
        Rows = await query.Select(s => new Row(s.Id, s.StartsAt, s.DurationMinutes, s.Unit!.Number, s.Unit.Title, s.ModuleTitle,
                db.Users.Where(u => u.Id == s.TrainerUserId).Select(u => u.DisplayName).FirstOrDefault(),
                s.PlaceName, s.City, s.Room, s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled), s.Capacity, s.CancelledAt != null))
            .ToListAsync();
    }

    /// <summary>The attendance sheet is kept on the day of the session and after it.</summary>
    public bool SheetOpen(Row row) => !row.Cancelled && DayInParis.Of(row.StartsAt) <= Today;
}
