using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Candidat;

/// <summary>The candidate abandons their journey (« Abandon »): a confirmation, an optional reason.</summary>
public class WithdrawModel(CqpDbContext db, JourneyClosures closures, UserManager<Identity.PortalUser> users) : PageModel
{
    public sealed class InputModel
    {
        [Range(typeof(bool), "true", "true", ErrorMessage = "Cochez la case pour confirmer l'abandon de votre parcours.")]
        public bool Confirm { get; set; }

        [StringLength(JourneyWithdrawal.ReasonMaxLength, ErrorMessage = "1000 caractères au plus.")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public string? Certification { get; private set; }
    public RegistrationState State { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var registrationId = await LoadAsync();
        if (registrationId is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var userId = users.GetUserId(User)!;
        var result = await closures.WithdrawAsync(registrationId.Value, userId, userId, Input.Reason);
        if (!result.Found) return NotFound();
        if (result.Error is { } error)
        {
            ModelState.AddModelError(string.Empty, error);
            return Page();
        }
        Message = "Votre abandon est enregistré : votre parcours est clos et vos inscriptions aux sessions à venir sont annulées.";
        return RedirectToPage("Index");
    }

    /// <summary>The candidate's newest registration (the one their home shows first); null when they have none.</summary>
    private async Task<int?> LoadAsync()
    {
        var userId = users.GetUserId(User);
        var latest = await db.Registrations.Where(r => r.Candidate!.UserId == userId).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.State, Title = r.Certification!.Kind + " " + r.Certification.Title }).FirstOrDefaultAsync();
        if (latest is null) return null;
        (Certification, State) = (latest.Title, latest.State);
        return latest.Id;
    }
}
