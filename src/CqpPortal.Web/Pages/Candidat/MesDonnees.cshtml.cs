using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Privacy;
using CqpPortal.Domain.Time;
using CqpPortal.Web.Data.Configurations;
using CqpPortal.Web.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Candidat;

/// <summary>« Mes données » : download everything the portal holds on me, ask for its erasure, and see where my request stands.</summary>
public class MyDataModel(PersonalDataExport export, ErasureRequests requests, Erasures erasures, Data.CqpDbContext db, UserManager<Identity.PortalUser> users, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        [StringLength(ErasureRequestConfiguration.ReasonLength, ErrorMessage = "1000 caractères au plus.")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public const string NoFileYet = "Votre compte ne contient encore aucun dossier : il n'y a rien d'autre à effacer que le compte lui-même. "
        + "Un compte sans dossier est supprimé après 3 ans sans connexion ; pour le faire supprimer plus tôt, écrivez à l'organisme (page Contact).";

    public IReadOnlyList<ErasureRequestView> Requests { get; private set; } = [];

    /// <summary>What an erasure would do today (or why it cannot run yet).</summary>
    public ErasurePlan? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>The zip: only the signed-in user's own data (no id is taken from the request), never cached.</summary>
    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var zip = await export.ZipAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        if (zip is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(zip, "application/zip", $"mes-donnees-cqp-{DayInParis.Today(clock):yyyy-MM-dd}.zip");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await requests.AskAsync(users.GetUserId(User)!, Input.Reason);
        if (!result.Found)
        {
            ModelState.AddModelError(string.Empty, NoFileYet);
            return Page();
        }
        if (result.Error is { } error)
        {
            ModelState.AddModelError(string.Empty, error);
            return Page();
        }
        Message = "Votre demande d'effacement est enregistrée et l'organisme en est prévenu : il y répond dans un délai d'un mois.";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        var userId = users.GetUserId(User)!;
        var candidateId = await db.Candidates.Where(c => c.UserId == userId).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        Requests = await requests.OfUserAsync(userId);
        Plan = candidateId is null ? null : await erasures.PlanAsync(candidateId.Value);
        return userId is not null;
    }
}
