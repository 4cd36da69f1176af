using CqpPortal.Web.Audit;
using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Formation.Sessions;

/// <summary>
/// Plan or change a training session, or cancel it with a reason. The rules and advice are the service's
/// (<see cref="TrainingSessions.SaveAsync"/>); each warning shown needs its box ticked before the session is kept.
/// </summary>
[NotAudited("a training session's dates, place and trainer; its trainees are read on /Staff/Formation/Sessions/Inscrits, audited")]
public class TrainingSessionEditModel(CqpDbContext db, TrainingSessions sessions, TimeProvider clock) : PageModel
{
    /// <summary>Field names are those of <see cref="TrainingSessionDetails"/>, so the service's refusals land beside their field.</summary>
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choisissez la région.")]
        public Region? Region { get; set; }

        public int? UnitId { get; set; }

        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        public string? ModuleTitle { get; set; }

        public string? TrainerUserId { get; set; }

        [Required(ErrorMessage = "Saisissez la date.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Saisissez l'heure de début.")]
        public TimeOnly? Start { get; set; } = new(9, 0);

        [Required(ErrorMessage = "Saisissez l'heure de fin.")]
        public TimeOnly? End { get; set; } = new(17, 0);

        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        public string? PlaceName { get; set; }

        [Required(ErrorMessage = "Saisissez l'adresse.")]
        [StringLength(300, ErrorMessage = "300 caractères au plus.")]
        public string? Address { get; set; }

        [Required(ErrorMessage = "Saisissez le code postal.")]
        [RegularExpression(@"^\d{5}$", ErrorMessage = "Le code postal a 5 chiffres.")]
        public string? PostalCode { get; set; }

        [Required(ErrorMessage = "Saisissez la ville.")]
        [StringLength(100, ErrorMessage = "100 caractères au plus.")]
        public string? City { get; set; }

        [StringLength(100, ErrorMessage = "100 caractères au plus.")]
        public string? Room { get; set; }

        [Required(ErrorMessage = "Saisissez le nombre de places.")]
        public int? Capacity { get; set; } = 12;

        /// <summary>The date whose warnings were shown: the ticked boxes confirm them for that date only.</summary>
        public DateOnly? WarnedDate { get; set; }

        /// <summary>The warnings staff ticked, each by its text.</summary>
        public List<string> ConfirmedWarnings { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public string? CancellationReason { get; set; }

    [TempData]
    public string? Message { get; set; }

    public int? Id { get; private set; }
    public bool Cancelled { get; private set; }
    public string? CancelledBecause { get; private set; }
    public bool Past { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public List<TrainerChoice> Trainers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id) => await LoadAsync(id, fillInput: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (!await LoadAsync(id, fillInput: false)) return NotFound();
        // A confirmation counts only for the date whose warnings were shown beside the boxes.
        var confirmed = Input.WarnedDate == Input.Date ? Input.ConfirmedWarnings : [];
        if (!ModelState.IsValid)
        {
            if (Input.Date is { } date) ShowWarnings(SessionDateAdvice.Warnings(date), confirmed);
            return Page();
        }
        var result = await sessions.SaveAsync(id, new TrainingSessionDetails(Input.Region!.Value, Input.UnitId, Input.ModuleTitle ?? "", Input.TrainerUserId,
            Input.PlaceName ?? "", Input.Address!, Input.PostalCode!, Input.City!, Input.Room, Input.Capacity!.Value, Input.Date!.Value, Input.Start!.Value, Input.End!.Value),
            confirmed);
        if (result.SessionId is { } saved)
        {
            Message = id is null ? "Session de formation planifiée : inscrivez-y les stagiaires."
                : result.Notified > 0 ? $"Session modifiée ; {result.Notified} stagiaire(s) prévenu(s) par e-mail du changement."
                : "Session modifiée.";
            return RedirectToPage("Inscrits", new { id = saved });
        }
        foreach (var (field, error) in result.Errors)
            ModelState.AddModelError(field == "" ? "" : $"{nameof(Input)}.{field}", error);
        ShowWarnings(result.Warnings, confirmed);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int id)
    {
        ModelState.Clear(); // the session form is not part of this post
        if (!await LoadAsync(id, fillInput: true)) return NotFound();
        var told = await db.SessionEnrolments.CountAsync(e => e.SessionId == id && e.State != EnrolmentState.Cancelled);
        if (await sessions.CancelAsync(id, CancellationReason ?? "") is { } refusal)
        {
            // A missing reason is the reason field's error; a cancelled or past session has no such field, so the summary says it.
            ModelState.AddModelError(Cancelled || Past ? "" : nameof(CancellationReason), refusal);
            return Page();
        }
        Message = $"Session de formation annulée ; {told} stagiaire(s) prévenu(s) par e-mail, avec le motif.";
        return RedirectToPage("Index");
    }

    /// <summary>The units staff may choose: all of them, or those of <paramref name="certificationId"/>; grouped by certification when there are several.</summary>
    public static async Task<List<SelectListItem>> UnitChoicesAsync(CqpDbContext db, int? certificationId)
    {
        var units = await db.CertificationUnits.Where(u => certificationId == null || u.CertificationId == certificationId)
            .OrderBy(u => u.CertificationId).ThenBy(u => u.Number)
            .Select(u => new { u.Id, u.Number, u.Title, u.CertificationId, Certification = u.Certification!.Title }).ToListAsync();
        var several = units.Select(u => u.CertificationId).Distinct().Count() > 1;
        var groups = units.Select(u => u.CertificationId).Distinct()
            .ToDictionary(c => c, c => new SelectListGroup { Name = units.First(u => u.CertificationId == c).Certification });
        return units.Select(u => new SelectListItem($"Unité {u.Number} – {u.Title}", u.Id.ToString()) { Group = several ? groups[u.CertificationId] : null }).ToList();
    }

    /// <summary>Shows <paramref name="warnings"/>; the boxes stay ticked only for the date they were ticked for.</summary>
    private void ShowWarnings(IReadOnlyList<string> warnings, List<string> confirmed)
    {
        Warnings = warnings;
        Input.ConfirmedWarnings = confirmed.Where(warnings.Contains).ToList();
        Input.WarnedDate = warnings.Count > 0 ? Input.Date : null;
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.WarnedDate)}");
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.ConfirmedWarnings)}");
    }

    /// <summary>Reads the training session (false when unknown or not a training session) and the choices; fills the form from it when asked.</summary>
    private async Task<bool> LoadAsync(int? id, bool fillInput)
    {
        Id = id;
        Trainers = await sessions.TrainersAsync();
        if (id is null)
        {
            Units = await UnitChoicesAsync(db, null);
            return true;
        }
        var s = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Kind == SessionKind.Training);
        if (s is null) return false;
        Units = await UnitChoicesAsync(db, s.CertificationId);
        (Cancelled, CancelledBecause, Past) = (s.CancelledAt is not null, s.CancellationReason, s.StartsAt <= clock.GetUtcNow());
        if (!fillInput) return true;
        var local = DayInParis.Local(s.StartsAt);
        var date = DateOnly.FromDateTime(local.DateTime);
        var start = TimeOnly.FromDateTime(local.DateTime);
        Warnings = SessionDateAdvice.Warnings(date);
        Input = new InputModel
        {
            Region = s.Region, UnitId = s.UnitId, ModuleTitle = s.ModuleTitle, TrainerUserId = s.TrainerUserId, Date = date, Start = start,
            End = start.AddMinutes(s.DurationMinutes), PlaceName = s.PlaceName, Address = s.Address, PostalCode = s.PostalCode, City = s.City,
            Room = s.Room, Capacity = s.Capacity,
            // The stored date's advice was confirmed when it was saved: changing other fields does not ask again.
            WarnedDate = Warnings.Count > 0 ? date : null, ConfirmedWarnings = [.. Warnings],
        };
        return true;
    }
}
