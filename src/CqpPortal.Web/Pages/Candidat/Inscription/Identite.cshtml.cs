using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Pages.Candidat.Inscription;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class IdentityStepModel(RegistrationWizard wizard, UserManager<PortalUser> users, TimeProvider clock) : RegistrationStepPage(users)
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez votre prénom.")]
        [StringLength(100, ErrorMessage = "Le prénom ne peut dépasser 100 caractères.")]
        public string FirstName { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre nom.")]
        [StringLength(100, ErrorMessage = "Le nom ne peut dépasser 100 caractères.")]
        public string LastName { get; set; } = "";

        [Phone(ErrorMessage = "Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78.")]
        [StringLength(30, ErrorMessage = "Le numéro ne peut dépasser 30 caractères.")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "Saisissez votre date de naissance.")]
        public DateOnly? BirthDate { get; set; }

        [Required(ErrorMessage = "Indiquez votre sexe.")]
        public Sex? Sex { get; set; }

        [Required(ErrorMessage = "Choisissez votre région.")]
        public Region? Region { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string AccountEmail { get; private set; } = "";
    public bool Locked { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Subject is not { } who) return NotFound();
        var user = (await Users.GetUserAsync(User))!;
        var (candidate, registration) = await wizard.CurrentAsync(who);
        if (who.IsPaper && candidate is null) return NotFound();
        AccountEmail = who.IsPaper ? candidate!.Email : user.Email!;
        Locked = registration is { IsEditableByCandidate: false } && (who.IsPaper || !RegistrationWizard.CanStartNew(registration));
        if (candidate is null)
        {
            var names = user.DisplayName.Split(' ', 2);
            Input = new InputModel { FirstName = names[0], LastName = names.Length > 1 ? names[1] : "" };
            return Page();
        }
        Input = new InputModel
        {
            FirstName = candidate.FirstName, LastName = candidate.LastName, Phone = candidate.Phone,
            BirthDate = candidate.BirthDate == default ? null : candidate.BirthDate, Sex = candidate.Sex == default ? null : candidate.Sex,
            Region = Regions.IsOffered(candidate.Region) ? candidate.Region : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Subject is not { } who) return NotFound();
        var user = (await Users.GetUserAsync(User))!;
        var (candidate, _) = await wizard.CurrentAsync(who);
        if (who.IsPaper && candidate is null) return NotFound();
        AccountEmail = who.IsPaper ? candidate!.Email : user.Email!;
        if (Input.BirthDate is { } birth && CqpPortal.Domain.Prerequisites.MinimumAge.WhyRefused(birth, clock) is { } age) ModelState.AddModelError("Input.BirthDate", age);
        if (Input.Region is { } region && !Regions.IsOffered(region)) ModelState.AddModelError("Input.Region", "Choisissez votre région dans la liste.");
        if (!ModelState.IsValid) return Page();
        await wizard.SaveIdentityAsync(who, user.Email!, new IdentityStep(Input.FirstName, Input.LastName, Input.Phone, Input.BirthDate!.Value, Input.Sex!.Value, Input.Region!.Value));
        return Step("Parcours");
    }
}
