using CqpPortal.Web.Audit;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Formation.Sessions;

/// <summary>
/// One training session for staff: its details, the trainees enrolled, and the forms to enrol an eligible trainee (the
/// absence advice needs each warning confirmed) or take one off. Eligibility and refusals are the service's.
/// </summary>
[AuditedAccess(AuditKinds.Training)]
public class TrainingSessionEnrolmentsModel(CqpDbContext db, TrainingSessions sessions, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public sealed record SessionView(int Id, DateTimeOffset StartsAt, int DurationMinutes, Region Region, int UnitNumber, string UnitTitle, string? Module,
        string? Trainer, string PlaceName, string Address, string PostalCode, string City, string? Room, int Capacity, DateTimeOffset? CancelledAt, string? CancellationReason);

    public sealed record Trainee(int RegistrationId, string Name, string? Employer);

    public SessionView Session { get; private set; } = null!;

    /// <summary>The trainees enrolled; for a cancelled session, those who were enrolled when it was cancelled.</summary>
    public List<Trainee> Trainees { get; private set; } = [];

    public List<EligibleTrainee> Eligible { get; private set; } = [];
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    [BindProperty]
    public int? RegistrationId { get; set; }

    /// <summary>The trainee whose warnings were shown: the ticked boxes confirm them for that trainee only.</summary>
    [BindProperty]
    public int? WarnedRegistrationId { get; set; }

    [BindProperty]
    public List<string> ConfirmedWarnings { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public bool Cancelled => Session.CancelledAt is not null;
    public bool Coming => Session.StartsAt > clock.GetUtcNow();

    /// <summary>The attendance sheet is kept on the day of the session and after it.</summary>
    public bool SheetOpen => !Cancelled && DayInParis.Of(Session.StartsAt) <= DayInParis.Today(clock);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnrolAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (RegistrationId is not { } registrationId)
        {
            ModelState.AddModelError(nameof(RegistrationId), "Choisissez le stagiaire à inscrire.");
            return Page();
        }
        var confirmed = WarnedRegistrationId == registrationId ? ConfirmedWarnings : [];
        var result = await sessions.EnrolAsync(id, registrationId, users.GetUserId(User)!, confirmed);
        if (result.Enrolled)
        {
            var name = Eligible.FirstOrDefault(e => e.RegistrationId == registrationId)?.Name ?? "Le stagiaire";
            Message = $"{name} est inscrit(e) ; sa convocation lui est envoyée par e-mail.";
            return RedirectToPage(new { id });
        }
        ModelState.AddModelError(nameof(RegistrationId), result.Error!);
        Warnings = result.Warnings;
        ConfirmedWarnings = confirmed.Where(result.Warnings.Contains).ToList();
        WarnedRegistrationId = result.Warnings.Count > 0 ? registrationId : null;
        ModelState.Remove(nameof(WarnedRegistrationId));
        return Page();
    }

    public async Task<IActionResult> OnPostUnenrolAsync(int id, int registrationId)
    {
        if (!await LoadAsync(id)) return NotFound();
        var name = Trainees.FirstOrDefault(t => t.RegistrationId == registrationId)?.Name;
        if (await sessions.UnenrolAsync(id, registrationId) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }
        Message = $"{name} n'est plus inscrit(e) à cette session ; il ou elle en est prévenu(e) par e-mail.";
        return RedirectToPage(new { id });
    }

    /// <summary>Reads the training session (false when unknown or not a training session), its trainees and who may be enrolled.</summary>
    private async Task<bool> LoadAsync(int id)
    {
        var session = await db.Sessions.Where(s => s.Id == id && s.Kind == SessionKind.Training)
            .Select(s => new SessionView(s.Id, s.StartsAt, s.DurationMinutes, s.Region, s.Unit!.Number, s.Unit.Title, s.ModuleTitle,
                db.Users.Where(u => u.Id == s.TrainerUserId).Select(u => u.DisplayName).FirstOrDefault(),
                s.PlaceName, s.Address, s.PostalCode, s.City, s.Room, s.Capacity, s.CancelledAt, s.CancellationReason))
            .FirstOrDefaultAsync();
        if (session is null) return false;
        Session = session;
        Trainees = await db.SessionEnrolments
            .Where(e => e.SessionId == id && (e.State == EnrolmentState.Enrolled || (session.CancelledAt != null && e.CancelledAt == session.CancelledAt)))
            .OrderBy(e => e.Registration!.Candidate!.LastName).ThenBy(e => e.Registration!.Candidate!.FirstName)
            .Select(e => new Trainee(e.RegistrationId, e.Registration!.Candidate!.FirstName + " " + e.Registration.Candidate.LastName, e.Registration.EmployerName))
            .ToListAsync();
        Eligible = Cancelled || !Coming ? [] : await sessions.EligibleAsync(id);
        return true;
    }
}
