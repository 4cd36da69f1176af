using CqpPortal.Web.Audit;
using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Registrations;
using CqpPortal.Web.Registrations;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Admissibility;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Prerequisites;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Recevabilite;

/// <summary>One registration file: what the candidate declared, the pre-check, the decision form and the history.</summary>
[AuditedAccess(AuditKinds.File, Registration = "id")]
public class AdmissibilityFileModel(CqpDbContext db, CertificationRules rules, AdmissibilityDecisions decisions, RegistrationProofs proofs, UserManager<PortalUser> users,
    CqpPortal.Web.Sessions.SessionEnrolments enrolments) : PageModel
{
    public sealed record FileView(int Id, string Name, string Email, DateOnly BirthDate, Region Region, CertificationRoute Route, Funding? Funding,
        EmploymentStatus Status, string? EmployerName, string? EmployerSiret, int EducationLevel, string? HighestDiploma, int TeleSecretaryMonths,
        int PhoneJobMonths, int PhoneTimeShare, PhoneJobKind? PhoneJobKind, List<string> Sectors, RegistrationState State, int CandidateId,
        DateOnly? PaperFormDate, string? EnteredBy, bool? CompanyMayFollow, Domain.Registrations.DiplomaGroup? DiplomaGroup = null, string? OtherSector = null);
    public sealed record HistoryRow(DateTimeOffset At, RegistrationState? From, RegistrationState To, string? By, string? Comment);
    public sealed record DocumentRow(int Id, string Title, DateTimeOffset CreatedAt);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choisissez une décision.")]
        public RegistrationState? Decision { get; set; }

        [StringLength(2000, ErrorMessage = "2000 caractères au plus.")]
        public string? Motive { get; set; }

        /// <summary>With « Incomplet »: the documents asked for, one per line.</summary>
        [StringLength(2500, ErrorMessage = "2500 caractères au plus.")]
        public string? RequestedDocuments { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public FileView Case { get; private set; } = null!;
    public PrerequisiteResult PreCheck { get; private set; } = null!;
    public List<HistoryRow> History { get; private set; } = [];
    public List<DocumentRow> Documents { get; private set; } = [];
    public List<RegistrationProofs.ProofInfo> Proofs { get; private set; } = [];
    public List<RegistrationProofs.RequestInfo> Requests { get; private set; } = [];

    /// <summary>Whether the candidate may sign up for an evaluation now, by the sign-up rules, and why not.</summary>
    public Domain.Sessions.SignUpOutlook? SignUp { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var (requested, tooMany) = ProofRules.RequestLabels(Input.RequestedDocuments);
        if (tooMany is not null) ModelState.AddModelError("Input.RequestedDocuments", tooMany);
        foreach (var (field, message) in ProofRules.CheckDecision(Input.Decision, Input.Motive, requested))
            ModelState.AddModelError("Input." + field, message);
        if (!ModelState.IsValid) return Page();
        var staff = (await users.GetUserAsync(User))!;
        if (!await decisions.DecideAsync(id, Input.Decision!.Value, Input.Motive, staff.Id, staff.DisplayName, requested))
        {
            ModelState.AddModelError(string.Empty, "Ce dossier a déjà reçu une décision entre-temps : rechargez la page.");
            await LoadAsync(id);
            return Page();
        }
        Message = $"Décision enregistrée pour {Case.Name} : {FrenchLabels.Of(Input.Decision.Value)}. La lettre et l'e-mail sont envoyés.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var file = await db.Registrations.Where(r => r.Id == id).Select(r => new FileView(r.Id, r.Candidate!.FirstName + " " + r.Candidate.LastName,
            r.Candidate.Email, r.Candidate.BirthDate, r.Region, r.Route, r.Funding, r.EmploymentStatus, r.EmployerName, r.EmployerSiret, r.EducationLevel,
            r.HighestDiploma, r.TeleSecretaryMonths, r.PhoneJobMonths, r.PhoneTimeShare, r.PhoneJobKind, r.Sectors, r.State, r.CandidateId,
            r.PaperFormDate, db.Users.Where(u => u.Id == r.EnteredByStaffUserId).Select(u => u.DisplayName).FirstOrDefault(), r.CompanyMayFollow,
            r.DiplomaGroup, r.OtherSector)).FirstOrDefaultAsync();
        if (file is null || file.State == RegistrationState.Draft) return false;
        Case = file;
        var engine = await rules.ForCertificationAsync(await db.Registrations.Where(r => r.Id == id).Select(r => r.CertificationId).FirstAsync());
        PreCheck = engine.Check(new PrerequisiteInput(file.EducationLevel, file.TeleSecretaryMonths, file.PhoneJobMonths, file.PhoneTimeShare, file.PhoneJobKind, file.Route));
        History = await db.RegistrationStatusChanges.Where(h => h.RegistrationId == id).OrderBy(h => h.At)
            .Select(h => new HistoryRow(h.At, h.From, h.To, db.Users.Where(u => u.Id == h.ByUserId && h.ByUserId != null).Select(u => u.DisplayName).FirstOrDefault(), h.Comment))
            .ToListAsync();
        SignUp = await enrolments.OutlookAsync(id);
        Documents = await db.CandidateDocuments.Where(d => d.CandidateId == file.CandidateId).OrderByDescending(d => d.CreatedAt)
            .Select(d => new DocumentRow(d.Id, d.Title, d.CreatedAt)).ToListAsync();
        Proofs = await proofs.ListAsync(id);
        Requests = await proofs.RequestsAsync(id);
        return true;
    }
}
