using CqpPortal.Web.Audit;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Candidat.Inscription;

/// <summary>
/// What the registration steps share: whose file they edit — the signed-in candidate's own, or, for staff, the paper
/// form named by <c>?papier={id}</c> (<see cref="RegistrationWizard.SubjectFor"/>) — and links that keep it.
/// </summary>
[AuditedAccess(AuditKinds.File, Subject = "papier", Registration = "papier")]
public abstract class RegistrationStepPage(UserManager<PortalUser> users) : PageModel
{
    protected UserManager<PortalUser> Users => users;

    /// <summary>The paper form staff are entering; ignored for a candidate.</summary>
    [BindProperty(SupportsGet = true, Name = "papier")]
    public int? Papier { get; set; }

    /// <summary>Whose file this request edits; null (404) for staff without a paper form.</summary>
    protected WizardSubject? Subject => RegistrationWizard.SubjectFor(User, users.GetUserId(User)!, Papier);

    /// <summary>Staff entering a paper form.</summary>
    public bool IsPaper => Papier is not null && Roles.IsStaff(User);

    /// <summary>The query string that keeps the paper form in links (empty for a candidate).</summary>
    public string PaperQuery => IsPaper ? $"?papier={Papier}" : "";

    /// <summary>No file to show: a candidate starts at step 1; a paper id that is not a paper form answers 404.</summary>
    protected IActionResult NoFile(WizardSubject who) => who.IsPaper ? NotFound() : Step("Identite");

    protected RedirectToPageResult Step(string page) => RedirectToPage(page, IsPaper ? new { papier = Papier } : null);
}
