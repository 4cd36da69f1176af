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
public class CourseStepModel(RegistrationWizard wizard, UserManager<PortalUser> users) : RegistrationStepPage(users)
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choisissez votre voie d'accès.")]
        public CertificationRoute? Route { get; set; }

        [Required(ErrorMessage = "Choisissez le financement envisagé.")]
        public Funding? Funding { get; set; }

        [Required(ErrorMessage = "Indiquez votre situation professionnelle.")]
        public EmploymentStatus? EmploymentStatus { get; set; }

        public string? EmployerName { get; set; }

        public string? EmployerSiret { get; set; }

        public int EducationLevel { get; set; }

        public DiplomaGroup? DiplomaGroup { get; set; }

        public string? HighestDiploma { get; set; }

        /// <summary>Asked only when the portal offers more than one certification.</summary>
        public int? CertificationId { get; set; }
    }

    /// <summary>The certifications offered; the choice is shown when there are several (data: a new one needs no code).</summary>
    public List<CertificationChoice> Certifications { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Locked { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Subject is not { } who) return NotFound();
        var (candidate, registration) = await wizard.CurrentAsync(who);
        if (candidate is null || registration is null) return NoFile(who);
        Locked = !registration.IsEditableByCandidate;
        Certifications = await wizard.CertificationsAsync();
        Input = new InputModel
        {
            CertificationId = registration.CertificationId,
            Route = registration.Route == default ? null : registration.Route,
            Funding = registration.Funding,
            EmploymentStatus = registration.EmploymentStatus == default ? null : registration.EmploymentStatus,
            EmployerName = registration.EmployerName,
            EmployerSiret = registration.EmployerSiret,
            EducationLevel = registration.EducationLevel,
            DiplomaGroup = registration.DiplomaGroup,
            HighestDiploma = registration.HighestDiploma,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Subject is not { } who) return NotFound();
        Certifications = await wizard.CertificationsAsync();
        if (Certifications.Count > 1 && Certifications.All(c => c.Id != Input.CertificationId))
            ModelState.AddModelError("Input.CertificationId", "Choisissez la certification visée.");
        if (!EducationLevels.IsValid(Input.EducationLevel))
            ModelState.AddModelError("Input.EducationLevel", "Choisissez un niveau dans la liste.");
        foreach (var (field, message) in ProfileAnswerRules.CheckDiploma(Input.DiplomaGroup, Input.HighestDiploma))
            ModelState.AddModelError(field == nameof(ProfileAnswer.DiplomaGroup) ? "Input.DiplomaGroup" : "Input.HighestDiploma", message);
        foreach (var (field, message) in EmployerAnswerRules.Check(Input.EmploymentStatus, Input.EmployerName, Input.EmployerSiret))
            ModelState.AddModelError("Input." + field, message);
        if (!ModelState.IsValid) return Page();
        var saved = await wizard.SaveCourseAsync(who, new CourseStep(Input.Route!.Value, Input.Funding!.Value,
            Input.EmploymentStatus!.Value, Input.EmployerName, Input.EmployerSiret, Input.EducationLevel, Input.HighestDiploma,
            Certifications.Count > 1 ? Input.CertificationId : null, Input.DiplomaGroup));
        return saved ? Step("Experience") : Step("Identite");
    }
}
