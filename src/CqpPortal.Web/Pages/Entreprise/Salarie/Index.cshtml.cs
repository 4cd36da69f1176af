using CqpPortal.Domain.Companies;
using CqpPortal.Domain.Training;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Entreprise.Salarie;

/// <summary>Where a followed trainee's training stands, one short state per page of the company's training pages.</summary>
public sealed record TrainingStates(string Positioning, string Path, string Hours);

/// <summary>One employee's file as the manager may see it; 404 for another company's employee, as for an unknown id.</summary>
public class EmployeeFileModel(EmployeeFollowing following, UserManager<PortalUser> users, Positionings positionings, TrainingPaths paths,
    TrainingProgress progress) : PageModel
{
    public EmployeeFile Employee { get; private set; } = null!;

    /// <summary>Only for an employee by the training route who agreed to be followed (TrainingAccess decides); null otherwise.</summary>
    public TrainingStates? Training { get; private set; }

    public async Task<IActionResult> OnGetAsync(int registrationId)
    {
        if (await following.FileAsync(users.GetUserId(User)!, registrationId) is not { } file) return NotFound();
        Employee = file;
        if (file.Visibility == EmployeeVisibility.Followed) Training = await TrainingStatesAsync(registrationId);
        return Page();
    }

    private async Task<TrainingStates?> TrainingStatesAsync(int registrationId)
    {
        if (await positionings.ReadAsync(User, registrationId) is not { } positioning || await paths.ReadAsync(User, registrationId) is not { } path) return null;
        var hours = await progress.HoursAsync(registrationId);
        return new TrainingStates(
            positioning.CompanySent ? $"Transmis le {FrenchFormat.Date(positioning.Company!.SubmittedAt!.Value)}"
                : positioning.Company is not null ? "Positionnement à remplir (brouillon enregistré)" : "Positionnement à remplir",
            path.MaySign(PathSigner.Company) ? $"Parcours à signer (version {path.Current!.Version})"
                : path.Current is null ? "Pas encore établi"
                : path.IsSigned ? $"Signé (version {path.Current.Version})"
                : $"Signé par l'entreprise, en attente des autres signatures (version {path.Current.Version})",
            hours is null ? "Pas encore de parcours" : $"{TrainingHours.Format(hours.Done)} sur {TrainingHours.Format(hours.Planned)}");
    }
}
