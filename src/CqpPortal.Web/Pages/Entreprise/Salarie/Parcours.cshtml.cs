using CqpPortal.Domain.Training;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Entreprise.Salarie;

/// <summary>A followed employee's individual training path as the company reads it, signed here for the company; earlier versions below.</summary>
public class EmployeePathModel(TrainingPaths paths) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public PathView TrainingPath { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int registrationId)
    {
        if (await paths.ReadAsync(User, registrationId) is not { } path) return NotFound();
        TrainingPath = path;
        return Page();
    }

    public async Task<IActionResult> OnPostSignAsync(int registrationId, int version)
    {
        var outcome = await paths.SignAsync(User, registrationId, PathSigner.Company, version);
        if (!outcome.Found) return NotFound();
        if (outcome.Succeeded)
        {
            Message = $"Parcours signé pour l'entreprise (version {version}).";
            return RedirectToPage(new { registrationId });
        }
        if (await paths.ReadAsync(User, registrationId) is not { } path) return NotFound();
        (TrainingPath, Errors) = (path, outcome.Errors);
        return Page();
    }
}
