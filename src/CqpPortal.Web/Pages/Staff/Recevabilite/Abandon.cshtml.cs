using CqpPortal.Web.Audit;
using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Recevabilite;

/// <summary>Staff record a candidate's abandon (« Abandon ») with its reason, which is e-mailed to the candidate.</summary>
[AuditedAccess(AuditKinds.File, Registration = "id")]
public class RecordWithdrawalModel(CqpDbContext db, JourneyClosures closures, UserManager<Identity.PortalUser> users) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Indiquez le motif de l'abandon : il est enregistré dans l'historique du dossier et communiqué au candidat.")]
        [StringLength(JourneyWithdrawal.ReasonMaxLength, ErrorMessage = "1000 caractères au plus.")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public string Name { get; private set; } = "";
    public RegistrationState State { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await closures.WithdrawAsync(id, ownerUserId: null, users.GetUserId(User)!, Input.Reason);
        if (!result.Found) return NotFound();
        if (result.Error is { } error)
        {
            ModelState.AddModelError(string.Empty, error);
            return Page();
        }
        Message = $"Abandon enregistré pour {Name} : le candidat est prévenu par e-mail et ses inscriptions à venir sont annulées.";
        return RedirectToPage("Dossier", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var file = await db.Registrations.Where(r => r.Id == id && r.State != RegistrationState.Draft)
            .Select(r => new { Name = r.Candidate!.FirstName + " " + r.Candidate.LastName, r.State }).FirstOrDefaultAsync();
        if (file is null) return false;
        (Name, State) = (file.Name, file.State);
        return true;
    }
}
