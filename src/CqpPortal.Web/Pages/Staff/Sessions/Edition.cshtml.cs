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

/// <summary>Create or change a session; a date the seed advises against needs an explicit confirmation.</summary>
public class SessionEditModel(CqpDbContext db, SessionAdministration administration) : PageModel
{
    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<SessionKind>().Select(k => new SelectListItem(FrenchLabels.Of(k), k.ToString()));

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choisissez le type de session.")]
        public SessionKind? Kind { get; set; }

        [Required(ErrorMessage = "Saisissez la date.")]
        public DateOnly? Date { get; set; }

        public bool ConfirmDate { get; set; }

        [Required(ErrorMessage = "Saisissez l'heure de début.")]
        public TimeOnly? Start { get; set; }

        [Range(30, 600, ErrorMessage = "La durée doit être comprise entre 30 et 600 minutes.")]
        public int DurationMinutes { get; set; } = 220;

        [Required(ErrorMessage = "Saisissez le lieu.")]
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

        [Range(1, 200, ErrorMessage = "Le nombre de places doit être compris entre 1 et 200.")]
        public int Capacity { get; set; } = 12;

        [Required(ErrorMessage = "Saisissez la date limite d'inscription.")]
        public DateOnly? RegistrationDeadline { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public int? Id { get; private set; }
    public bool Cancelled { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        if (id is null) return Page();
        var s = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (s is null) return NotFound();
        var local = FrenchFormat.InParis(s.StartsAt);
        Cancelled = s.CancelledAt is not null;
        Input = new InputModel
        {
            Kind = s.Kind, Date = DateOnly.FromDateTime(local.DateTime), Start = TimeOnly.FromDateTime(local.DateTime), DurationMinutes = s.DurationMinutes,
            PlaceName = s.PlaceName, Address = s.Address, PostalCode = s.PostalCode, City = s.City, Region = s.Region, Capacity = s.Capacity,
            RegistrationDeadline = s.RegistrationDeadline, ConfirmDate = true,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        if (id is not null && !await db.Sessions.AnyAsync(s => s.Id == id)) return NotFound();
        if (Input.Date is { } date)
        {
            Warnings = SessionDateAdvice.Warnings(date);
            if (Warnings.Count > 0 && !Input.ConfirmDate)
                ModelState.AddModelError("Input.Date", "Cette date est déconseillée : confirmez-la ou choisissez-en une autre.");
            if (Input.RegistrationDeadline is { } deadline && deadline > date)
                ModelState.AddModelError("Input.RegistrationDeadline", "La date limite d'inscription doit précéder la session.");
        }
        if (!ModelState.IsValid) return Page();
        await administration.SaveAsync(id, new SessionDetails(Input.Kind!.Value, Input.Date!.Value, Input.Start!.Value, Input.DurationMinutes,
            Input.PlaceName, Input.Address, Input.PostalCode, Input.City, Input.Region!.Value, Input.Capacity, Input.RegistrationDeadline!.Value));
        Message = id is null ? "Session créée." : "Session modifiée.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostCancelAsync(int? id, string? reason)
    {
        if (id is null || !await db.Sessions.AnyAsync(s => s.Id == id)) return NotFound();
        if (string.IsNullOrWhiteSpace(reason))
        {
            Message = "Indiquez le motif de l'annulation : il est communiqué aux candidats.";
            return RedirectToPage(new { id });
        }
        var notified = await administration.CancelAsync(id.Value, reason);
        Message = $"Session annulée ; {notified} candidat(s) prévenu(s) par e-mail.";
        return RedirectToPage("Index");
    }
}
