using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Registrations;
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

        /// <summary>Codes of the sectors ticked (<see cref="ExperienceSectors"/>).</summary>
        public List<string> Sectors { get; set; } = [];

        public string? OtherSector { get; set; }
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
            PhoneTimeShare = registration.PhoneTimeShare, PhoneJobKind = registration.PhoneJobKind,
            // An older file's free text shows as the sectors it names (« Autre » with its text for the rest).
            Sectors = [.. ExperienceSectors.FromFreeText(registration.Sectors).Codes],
            OtherSector = registration.OtherSector ?? ExperienceSectors.FromFreeText(registration.Sectors).OtherText,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Subject is not { } who) return NotFound();
        if (Input.PhoneJobMonths > 0 && Input.PhoneJobKind is null)
            ModelState.AddModelError("Input.PhoneJobKind", "Choisissez le type de poste de cet emploi au téléphone.");
        foreach (var (field, message) in ProfileAnswerRules.CheckSectors(Input.Sectors, Input.OtherSector))
            ModelState.AddModelError(field == nameof(ProfileAnswer.OtherSector) ? "Input.OtherSector" : "Input.Sectors", message);
        if (!ModelState.IsValid) return Page();
        var saved = await wizard.SaveExperienceAsync(who,
            new ExperienceStep(Input.TeleSecretaryMonths, Input.PhoneJobMonths, Input.PhoneTimeShare, Input.PhoneJobKind, Input.Sectors, Input.OtherSector));
        return saved ? Step("Justificatifs") : Step("Identite");
    }
}
