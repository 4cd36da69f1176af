using CqpPortal.Web.Audit;
using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Sessions;

/// <summary>Create, change or cancel a session; a date the seed advises against needs an explicit confirmation.</summary>
[NotAudited("an evaluation session's dates, place and capacity; its candidates are read on /Staff/Sessions/Evaluateurs, audited")]
public class SessionEditModel(CqpDbContext db, SessionAdministration administration, TimeProvider clock) : PageModel
{
    /// <summary>The certifications to choose from when creating a session; the choice is shown when there are several.</summary>
    public List<SelectListItem> Certifications { get; private set; } = [];

    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<SessionKind>().Where(k => k != SessionKind.Training).Select(k => new SelectListItem(FrenchLabels.Of(k), k.ToString()));

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choisissez le type de session.")]
        public SessionKind? Kind { get; set; }

        /// <summary>Asked when creating a session and the portal offers more than one certification.</summary>
        public int? CertificationId { get; set; }

        [Required(ErrorMessage = "Saisissez la date.")]
        public DateOnly? Date { get; set; }

        /// <summary>The date whose warnings were shown with the confirmation box: ticking it confirms that date only.</summary>
        public DateOnly? WarnedDate { get; set; }

        public bool ConfirmDate { get; set; }

        [Required(ErrorMessage = "Saisissez l'heure de début.")]
        public TimeOnly? Start { get; set; }

        [Required(ErrorMessage = "Saisissez la durée en minutes.")]
        [Range(30, 600, ErrorMessage = "La durée doit être comprise entre 30 et 600 minutes.")]
        public int? DurationMinutes { get; set; } = 220;

        [Required(ErrorMessage = "Saisissez le nom du lieu.")]
        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        public string PlaceName { get; set; } = "";

        [Required(ErrorMessage = "Saisissez l'adresse.")]
        [StringLength(300, ErrorMessage = "300 caractères au plus.")]
        public string Address { get; set; } = "";

        [Required(ErrorMessage = "Saisissez le code postal.")]
        [RegularExpression(@"^\d{5}$", ErrorMessage = "Le code postal a 5 chiffres.")]
        public string PostalCode { get; set; } = "";

        [Required(ErrorMessage = "Saisissez la ville.")]
        [StringLength(100, ErrorMessage = "100 caractères au plus.")]
        public string City { get; set; } = "";

        [Required(ErrorMessage = "Choisissez la région.")]
        public Region? Region { get; set; }

        [Required(ErrorMessage = "Saisissez le nombre de places.")]
        [Range(1, 200, ErrorMessage = "Le nombre de places doit être compris entre 1 et 200.")]
        public int? Capacity { get; set; } = 12;

        [Required(ErrorMessage = "Saisissez la date limite d'inscription.")]
        public DateOnly? RegistrationDeadline { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public string? CancellationReason { get; set; }

    [TempData]
    public string? Message { get; set; }

    public int? Id { get; private set; }
    public bool Cancelled { get; private set; }
    public bool Past { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (id is not null && !await LoadAsync(id, keepInput: true)) return NotFound();
        if (id is null)
        {
            await LoadCertificationsAsync();
            if (Certifications.Count > 1 && Certifications.All(c => c.Value != Input.CertificationId?.ToString()))
                ModelState.AddModelError("Input.CertificationId", "Choisissez la certification.");
        }
        if (Input.Kind == SessionKind.Training)
            ModelState.AddModelError("Input.Kind", "Une session de formation se planifie depuis « Sessions de formation ».");
        if (Input.Date is { } date) ShowWarnings(date);
        if (!ModelState.IsValid) return Page();
        var result = await administration.SaveAsync(id, new SessionDetails(Input.Kind!.Value, Input.Date!.Value, Input.Start!.Value, Input.DurationMinutes!.Value,
            Input.PlaceName, Input.Address, Input.PostalCode, Input.City, Input.Region!.Value, Input.Capacity!.Value, Input.RegistrationDeadline!.Value,
            id is null && Certifications.Count > 1 ? Input.CertificationId : null),
            Input.ConfirmDate ? Input.WarnedDate : null);
        foreach (var (field, error) in result.Errors)
            ModelState.AddModelError(field == "" ? "" : $"{nameof(Input)}.{field}", error);
        if (result.SessionId is null) return Page();
        Message = id is null ? "Session créée."
            : result.Notified > 0 ? $"Session modifiée ; {result.Notified} candidat(s) prévenu(s) par e-mail du changement."
            : "Session modifiée.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id)
    {
        ModelState.Clear(); // the session form is not part of this post
        if (!await LoadAsync(id)) return NotFound();
        var cancellation = await administration.CancelAsync(id, CancellationReason ?? "");
        if (!cancellation.Cancelled)
        {
            // A missing reason is the reason field's error; a cancelled or past session has no such field, so the summary says it.
            ModelState.AddModelError(Cancelled || Past ? "" : nameof(CancellationReason), cancellation.Error!);
            return Page();
        }
        Message = $"Session annulée ; {cancellation.Notified} candidat(s) prévenu(s) par e-mail.";
        return RedirectToPage("Index");
    }

    /// <summary>
    /// The warnings of the date in the form. When they concern a date other than the one last warned about, the box is
    /// unticked again, so a confirmation never carries over to a new date.
    /// </summary>
    private void ShowWarnings(DateOnly date)
    {
        Warnings = SessionDateAdvice.Warnings(date);
        if (Input.WarnedDate == date) return;
        (Input.WarnedDate, Input.ConfirmDate) = (Warnings.Count > 0 ? date : null, false);
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.WarnedDate)}");
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.ConfirmDate)}");
    }

    /// <summary>Reads the session (false when unknown); fills the form from it unless the form was posted.</summary>
    private async Task LoadCertificationsAsync() =>
        Certifications = await db.Certifications.OrderBy(c => c.Id).Select(c => new SelectListItem(c.Title, c.Id.ToString())).ToListAsync();

    private async Task<bool> LoadAsync(int? id, bool keepInput = false)
    {
        Id = id;
        if (id is null)
        {
            await LoadCertificationsAsync();
            return true;
        }
        // Training sessions are planned on their own form (unit, trainer, room).
        var s = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Kind != SessionKind.Training);
        if (s is null) return false;
        (Cancelled, Past) = (s.CancelledAt is not null, s.StartsAt <= clock.GetUtcNow());
        if (keepInput) return true;
        var local = FrenchFormat.InParis(s.StartsAt).DateTime;
        var date = DateOnly.FromDateTime(local);
        Warnings = SessionDateAdvice.Warnings(date);
        Input = new InputModel
        {
            Kind = s.Kind, Date = date, Start = TimeOnly.FromDateTime(local), DurationMinutes = s.DurationMinutes,
            PlaceName = s.PlaceName, Address = s.Address, PostalCode = s.PostalCode, City = s.City, Region = s.Region, Capacity = s.Capacity,
            RegistrationDeadline = s.RegistrationDeadline,
            // The stored date was confirmed when it was saved: changing other fields does not ask again.
            WarnedDate = Warnings.Count > 0 ? date : null, ConfirmDate = Warnings.Count > 0,
        };
        return true;
    }
}
