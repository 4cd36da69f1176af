using CqpPortal.Domain.Companies;
using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Prerequisites;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Candidat.Inscription;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class SubmitStepModel(RegistrationWizard wizard, CertificationRules rules, UserManager<PortalUser> users) : RegistrationStepPage(users)
{
    public sealed record SummaryView(string Name, string Email, string BirthDate, string Region, string Route, string Funding, string Status, string Education, string Experience);

    [BindProperty]
    public bool Consent { get; set; }

    /// <summary>« Mon entreprise peut suivre mon dossier » — asked only when the file names a company.</summary>
    [BindProperty]
    public bool? CompanyMayFollow { get; set; }

    public bool NamesCompany { get; private set; }
    public string? EmployerName { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public bool Locked { get; private set; }
    public SummaryView Summary { get; private set; } = null!;
    public PrerequisiteResult PreCheck { get; private set; } = null!;

    /// <summary>The proofs still to join (step « Justificatifs »): the file cannot be sent before.</summary>
    public IReadOnlyList<string> ProofsMissing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } redirect) return redirect;
        if (Locked) return Page();
        if (!Consent)
            ModelState.AddModelError(nameof(Consent), "Cochez la case pour accepter le traitement de vos données : sans cela, l'inscription ne peut pas être envoyée.");
        if (CompanyFollowingRules.WhyNotSubmit(NamesCompany, CompanyMayFollow) is { } why)
            ModelState.AddModelError(nameof(CompanyMayFollow), why);
        if (ProofsMissing.Count > 0)
            ModelState.AddModelError(string.Empty, "Joignez d'abord vos justificatifs (étape « Justificatifs ») : le dossier ne peut pas être envoyé sans eux.");
        if (!ModelState.IsValid) return Page();
        var who = Subject!.Value;
        await wizard.SubmitAsync(who, Users.GetUserId(User)!, CompanyMayFollow, (id, code) => Url.PublicPage("/Compte/Activer", new { userId = id, code }));
        if (who.IsPaper)
        {
            Message = "Le bulletin papier est enregistré à sa date et attend la décision de recevabilité"
                + (string.IsNullOrEmpty(Summary.Email) ? " : sans adresse électronique, le candidat est suivi sur papier." : " ; le candidat a reçu par e-mail le lien d'activation de son compte.");
            return RedirectToPage("/Staff/Recevabilite/Dossier", new { id = Papier });
        }
        Message = "Votre inscription est envoyée. L'organisme de formation vous répondra par écrit sur sa recevabilité.";
        return RedirectToPage("/Candidat/Index");
    }

    /// <summary>Loads the summary and the pre-check; sends back to the first step that still lacks an answer.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        if (Subject is not { } who) return NotFound();
        var (candidate, registration) = await wizard.CurrentAsync(who);
        if (candidate is null || registration is null) return NoFile(who);
        Locked = !registration.IsEditableByCandidate;
        if (Locked) return null;
        var missing = RegistrationWizard.MissingBeforeSubmit(candidate, registration);
        if (missing.Count > 0)
        {
            TempData["Missing"] = missing[0];
            return Step(missing[0].Contains("Identité") ? "Identite" : "Parcours");
        }
        ProofsMissing = await wizard.ProofsMissingAsync(registration);
        var engine = await rules.ForCertificationAsync(registration.CertificationId);
        PreCheck = engine.Check(new PrerequisiteInput(registration.EducationLevel, registration.TeleSecretaryMonths, registration.PhoneJobMonths,
            registration.PhoneTimeShare, registration.PhoneJobKind, registration.Route));
        Summary = Describe(candidate, registration);
        NamesCompany = RegistrationWizard.NamesCompany(candidate, registration);
        EmployerName = registration.EmployerName;
        if (Request.Method == HttpMethods.Get) CompanyMayFollow = registration.CompanyMayFollow;
        return null;
    }

    private static SummaryView Describe(Candidate c, Registration r) => new(
        c.FullName, c.Email,
        FrenchFormat.Date(c.BirthDate),
        FrenchLabels.Of(r.Region),
        FrenchLabels.Of(r.Route),
        r.Funding is { } f ? FrenchLabels.Of(f) : "—",
        FrenchLabels.Of(r.EmploymentStatus) + (r.EmployerName is null ? "" : $" – {r.EmployerName} (SIRET {r.EmployerSiret})"),
        EducationLevels.Label(r.EducationLevel) + (r.DiplomaGroup is { } g ? $" – {Domain.Registrations.DiplomaGroups.Label(g)}" : "")
            + (r.HighestDiploma is null ? "" : $" – {r.HighestDiploma}"),
        $"{r.TeleSecretaryMonths} mois en télésecrétariat ; {r.PhoneJobMonths} mois dans un emploi au téléphone"
            + (r.PhoneJobKind is { } k ? $" ({FrenchLabels.Of(k)}, {r.PhoneTimeShare} % du temps)" : "")
            + (r.Sectors.Count > 0 || r.OtherSector is not null ? $" ; secteurs : {Domain.Registrations.ExperienceSectors.Describe(r.Sectors, r.OtherSector)}" : ""));
}
