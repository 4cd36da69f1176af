using CqpPortal.Domain.Training;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Candidat.Formation;

/// <summary>The trainee's own positionings (company and centre) and individual training path, which they sign here.</summary>
public class IndexModel(TrainingAccess access, Positionings positionings, TrainingPaths paths) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public PositioningsView? Positionings { get; private set; }
    public PathView? TrainingPath { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSignAsync(int version)
    {
        if (await RegistrationIdAsync() is not { } registrationId) return NotFound();
        var outcome = await paths.SignAsync(User, registrationId, PathSigner.Candidate, version);
        if (!outcome.Found) return NotFound();
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors;
            await LoadAsync();
            return Page();
        }
        Message = "Votre parcours de formation est signé.";
        return RedirectToPage();
    }

    /// <summary>The candidate's latest registration by the training route (the one the access rule lets them read).</summary>
    private Task<int?> RegistrationIdAsync() =>
        access.Readable(User).OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();

    private async Task LoadAsync()
    {
        if (await RegistrationIdAsync() is not { } registrationId) return;
        Positionings = await positionings.ReadAsync(User, registrationId);
        TrainingPath = await paths.ReadAsync(User, registrationId);
    }
}
