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

    [BindProperty]
    public bool Consent { get; set; }

    /// <summary>« Mon entreprise peut suivre mon dossier » — asked only when the file names a company.</summary>
    [BindProperty]
    public bool? CompanyMayFollow { get; set; }

    public bool NamesCompany { get; private set; }
    public string? EmployerName { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>The receipt of what was sent, linked from the confirmation on the candidate's home.</summary>
    [TempData]
    public int? ReceiptId { get; set; }

    public bool Locked { get; private set; }
    public RegistrationSummary Summary { get; private set; } = null!;
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
        var receipt = await wizard.SubmitAsync(who, Users.GetUserId(User)!, CompanyMayFollow, (id, code) => Url.PublicPage("/Compte/Activer", new { userId = id, code }));
        if (who.IsPaper)
        {
            Message = "Le bulletin papier est enregistré à sa date et attend la décision de recevabilité"
                + (string.IsNullOrEmpty(Summary.Email) ? " : sans adresse électronique, le candidat est suivi sur papier." : " ; le candidat a reçu par e-mail le lien d'activation de son compte.");
            return RedirectToPage("/Staff/Recevabilite/Dossier", new { id = Papier });
        }
        Message = "Votre inscription est envoyée. L'organisme de formation vous répondra par écrit sur sa recevabilité.";
        ReceiptId = receipt;
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
        Summary = RegistrationSummary.Of(candidate, registration);
        NamesCompany = RegistrationWizard.NamesCompany(candidate, registration);
        EmployerName = registration.EmployerName;
        if (Request.Method == HttpMethods.Get) CompanyMayFollow = registration.CompanyMayFollow;
        return null;
    }
}
