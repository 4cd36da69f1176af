using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Candidat.Inscription;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class ExperienceStepModel(RegistrationWizard wizard, UserManager<PortalUser> users) : RegistrationStepPage(users)
{
    public sealed class InputModel
    {
        [Range(0, 600, ErrorMessage = "Indiquez un nombre de mois entre 0 et 600.")]
        public int TeleSecretaryMonths { get; set; }

        [Range(0, 600, ErrorMessage = "Indiquez un nombre de mois entre 0 et 600.")]
        public int PhoneJobMonths { get; set; }

        [Range(0, 100, ErrorMessage = "Indiquez une part entre 0 et 100 %.")]
        public int PhoneTimeShare { get; set; }

        public PhoneJobKind? PhoneJobKind { get; set; }

        [StringLength(500, ErrorMessage = "500 caractères au plus.")]
        public string? Sectors { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Locked { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Subject is not { } who) return NotFound();
        var (candidate, registration) = await wizard.CurrentAsync(who);
        if (candidate is null || registration is null) return NoFile(who);
        Locked = !registration.IsEditableByCandidate;
        Input = new InputModel
        {
            TeleSecretaryMonths = registration.TeleSecretaryMonths, PhoneJobMonths = registration.PhoneJobMonths,
            PhoneTimeShare = registration.PhoneTimeShare, PhoneJobKind = registration.PhoneJobKind, Sectors = string.Join(", ", registration.Sectors),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Subject is not { } who) return NotFound();
        if (Input.PhoneJobMonths > 0 && Input.PhoneJobKind is null)
            ModelState.AddModelError("Input.PhoneJobKind", "Choisissez le type de poste de cet emploi au téléphone.");
        if (!ModelState.IsValid) return Page();
        var sectors = (Input.Sectors ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var saved = await wizard.SaveExperienceAsync(who,
            new ExperienceStep(Input.TeleSecretaryMonths, Input.PhoneJobMonths, Input.PhoneTimeShare, Input.PhoneJobKind, sectors));
        return saved ? Step("Justificatifs") : Step("Identite");
    }
}
