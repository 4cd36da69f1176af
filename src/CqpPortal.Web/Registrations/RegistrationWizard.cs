using CqpPortal.Domain.Companies;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Registrations;

namespace CqpPortal.Web.Registrations;

public sealed record IdentityStep(string FirstName, string LastName, string? Phone, DateOnly BirthDate, Sex Sex, Region Region);

/// <param name="CertificationId">The certification chosen when the portal offers several; null keeps the current one.</param>
public sealed record CourseStep(CertificationRoute Route, Funding Funding, EmploymentStatus EmploymentStatus, string? EmployerName, string? EmployerSiret, int EducationLevel, string? HighestDiploma,
    int? CertificationId = null, DiplomaGroup? DiplomaGroup = null);

public sealed record CertificationChoice(int Id, string Title);

/// <param name="Sectors">Codes of <see cref="ExperienceSectors"/>, checked by <see cref="ProfileAnswerRules"/>; <paramref name="OtherSector"/> the precision of « Autre ».</param>
public sealed record ExperienceStep(int TeleSecretaryMonths, int PhoneJobMonths, int PhoneTimeShare, PhoneJobKind? PhoneJobKind, IReadOnlyList<string> Sectors,
    string? OtherSector = null);

/// <summary>
/// Whose registration the steps edit: the signed-in candidate's own (<paramref name="UserId"/>), or a paper form staff
/// enter (<paramref name="PaperRegistrationId"/>), through the same pages and the same rules.
/// </summary>
public readonly record struct WizardSubject(string? UserId, int? PaperRegistrationId)
{
    public static implicit operator WizardSubject(string userId) => new(userId, null);
    public bool IsPaper => PaperRegistrationId is not null;
}

/// <summary>
/// The online registration ("bulletin d'inscription") in steps, each saved as a draft so a candidate can leave and come
/// back; the last step submits it for the admissibility decision. Pages call this class and nothing else.
/// </summary>
public sealed class RegistrationWizard(CqpDbContext db, CandidateMailer mailer, RegistrationProofs proofs, PaperRegistrations papers, TimeProvider clock)
{
    /// <summary>
    /// Who the signed-in user edits: a candidate their own file (a paper id is ignored); staff the paper form they name,
    /// and nothing without one. Null when there is nothing to edit: the page answers 404.
    /// </summary>
    public static WizardSubject? SubjectFor(System.Security.Claims.ClaimsPrincipal user, string userId, int? paperRegistrationId)
    {
        if (Identity.Roles.IsStaff(user)) return paperRegistrationId is { } id ? new WizardSubject(null, id) : (WizardSubject?)null;
        return user.IsInRole(Identity.Roles.Candidate) ? new WizardSubject(userId, null) : (WizardSubject?)null;
    }

    /// <summary>The candidate and registration the steps show (tracked), or nulls.</summary>
    public async Task<(Candidate? Candidate, Registration? Registration)> CurrentAsync(WizardSubject who)
    {
        if (who.UserId is { } userId) return await CurrentAsync(userId);
        var registration = await db.Registrations.Include(r => r.Candidate)
            .FirstOrDefaultAsync(r => r.Id == who.PaperRegistrationId && r.EnteredByStaffUserId != null);
        return (registration?.Candidate, registration);
    }

    /// <summary>The candidate of this account with their newest registration (tracked), or nulls.</summary>
    public async Task<(Candidate? Candidate, Registration? Registration)> CurrentAsync(string userId)
    {
        var candidate = await db.Candidates.Include(c => c.Registrations).FirstOrDefaultAsync(c => c.UserId == userId);
        return (candidate, candidate?.Registrations.OrderByDescending(r => r.Id).FirstOrDefault());
    }

    /// <summary>A new file can be started when there is none, or when the last one was refused, withdrawn or closed at its deadline.</summary>
    public static bool CanStartNew(Registration? latest) => latest is null or { State: RegistrationState.NotAdmissible or RegistrationState.Withdrawn or RegistrationState.Expired };

    public async Task SaveIdentityAsync(WizardSubject who, string accountEmail, IdentityStep step)
    {
        var (candidate, registration) = await CurrentAsync(who);
        if (who.IsPaper && registration is null) return;
        if (candidate is null)
        {
            candidate = new Candidate { UserId = who.UserId, Email = accountEmail, FirstName = step.FirstName, LastName = step.LastName };
            db.Candidates.Add(candidate);
        }
        candidate.FirstName = step.FirstName.Trim();
        candidate.LastName = step.LastName.Trim();
        candidate.Phone = string.IsNullOrWhiteSpace(step.Phone) ? null : step.Phone.Trim();
        candidate.BirthDate = step.BirthDate;
        candidate.Sex = step.Sex;
        candidate.Region = step.Region;
        if (!who.IsPaper && CanStartNew(registration))
        {
            var certificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            registration = new Registration { CertificationId = certificationId, State = RegistrationState.Draft, Region = step.Region };
            candidate.Registrations.Add(registration);
        }
        else if (registration is { IsEditableByCandidate: true })
        {
            registration.Region = step.Region;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The certifications a candidate may register for, in the order they were added (the first is the portal's own).</summary>
    public Task<List<CertificationChoice>> CertificationsAsync() =>
        db.Certifications.OrderBy(c => c.Id).Select(c => new CertificationChoice(c.Id, c.Title)).ToListAsync();

    public async Task<bool> SaveCourseAsync(WizardSubject who, CourseStep step)
    {
        var registration = await EditableAsync(who);
        if (registration is null) return false;
        if (step.CertificationId is { } certificationId && await db.Certifications.AnyAsync(c => c.Id == certificationId))
            registration.CertificationId = certificationId;
        registration.Route = step.Route;
        registration.Funding = step.Funding;
        registration.EmploymentStatus = step.EmploymentStatus;
        (registration.EmployerName, registration.EmployerSiret) = EmployerAnswerRules.Kept(step.EmploymentStatus, step.EmployerName, step.EmployerSiret);
        registration.EducationLevel = step.EducationLevel;
        registration.HighestDiploma = string.IsNullOrWhiteSpace(step.HighestDiploma) ? null : step.HighestDiploma.Trim();
        if (step.DiplomaGroup is not null) registration.DiplomaGroup = step.DiplomaGroup;
        await db.SaveChangesAsync();
        return true;
    }

    public async Task<bool> SaveExperienceAsync(WizardSubject who, ExperienceStep step)
    {
        var registration = await EditableAsync(who);
        if (registration is null) return false;
        registration.TeleSecretaryMonths = step.TeleSecretaryMonths;
        registration.PhoneJobMonths = step.PhoneJobMonths;
        registration.PhoneTimeShare = step.PhoneJobMonths == 0 ? 0 : step.PhoneTimeShare;
        registration.PhoneJobKind = step.PhoneJobMonths == 0 ? null : step.PhoneJobKind;
        var profile = ProfileAnswerRules.Normalise(new ProfileAnswer(registration.DiplomaGroup, registration.HighestDiploma, step.Sectors, step.OtherSector));
        registration.Sectors = [.. profile.Sectors];
        registration.OtherSector = profile.OtherSector;
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>
    /// Records the consents, submits, links the candidate to a known employer by SIRET and confirms by e-mail. Refused
    /// (false) while the proofs are missing (<see cref="ProofsMissingAsync"/>) or, when the file names a company, while
    /// « Mon entreprise peut suivre mon dossier » is not answered (<paramref name="companyMayFollow"/>,
    /// <see cref="CompanyFollowingRules"/>). A paper form is submitted by the staff member entering it, on the paper's
    /// date, with the answer written on the paper; its candidate, when they gave an address, gets an activation link
    /// (<see cref="PaperRegistrations.InviteAsync"/>) instead of the online candidate's confirmation. Either way the
    /// receipt of what was sent (<see cref="RegistrationReceipt"/>) goes into the candidate's documents.
    /// </summary>
    /// <returns>The receipt's document id; null when the file could not be sent.</returns>
    /// <param name="actingUserId">Who sends it: the candidate, or the staff member entering a paper form.</param>
    /// <param name="activationLink">The account activation page's link (user id, code), for a paper form's candidate.</param>
    public async Task<int?> SubmitAsync(WizardSubject who, string actingUserId, bool? companyMayFollow = null, Func<string, string, string>? activationLink = null)
    {
        var registration = await EditableAsync(who);
        if (registration is null || (await ProofsMissingAsync(registration)).Count > 0) return null;
        var namesCompany = NamesCompany(registration.Candidate!, registration);
        if (CompanyFollowingRules.WhyNotSubmit(namesCompany, companyMayFollow) is not null) return null;
        var now = clock.GetUtcNow();
        registration.PrivacyConsentAt = now;
        registration.Submit(registration.PaperFormDate ?? DayInParis.Today(clock), now, actingUserId);
        if (CompanyFollowingRules.Recorded(namesCompany, companyMayFollow) is { } follow && follow != registration.CompanyMayFollow)
            Companies.CompanyConsent.Record(registration, follow, now, actingUserId);
        var candidate = registration.Candidate!;
        if (registration.EmployerSiret is { } siret)
            candidate.CompanyId = await db.Companies.Where(c => c.Siret == siret).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        var certification = await db.Certifications.SingleAsync(c => c.Id == registration.CertificationId);
        var receipt = await ReceiptAsync(candidate, registration, certification.Name, now);
        await db.SaveChangesAsync();
        if (who.IsPaper)
        {
            if (activationLink is not null) await papers.InviteAsync(registration, activationLink);
            return receipt.Id;
        }
        await mailer.RegistrationReceivedAsync(candidate, certification.Name, registration.RegisteredOn!.Value);
        return receipt.Id;
    }

    /// <summary>The receipt of what was sent, added to the candidate's documents (saved with the submission).</summary>
    private async Task<CandidateDocument> ReceiptAsync(Candidate candidate, Registration registration, string certification, DateTimeOffset now)
    {
        var proofs = await db.RegistrationProofs.Where(p => p.RegistrationId == registration.Id).OrderBy(p => p.Id)
            .Select(p => new { p.Kind, p.FileName }).ToListAsync();
        var sentOn = registration.RegisteredOn!.Value;
        var data = new RegistrationReceiptData(registration.Id, certification, RegistrationSummary.Of(candidate, registration), sentOn, now,
            registration.CompanyMayFollow, proofs.Select(p => (p.Kind, p.FileName)).ToList(),
            registration.PaperFormDate is { } paper ? $"Bulletin papier du {FrenchFormat.Date(paper)}, saisi par l'organisme de formation." : null);
        var document = new CandidateDocument
        {
            Candidate = candidate, RegistrationId = registration.Id, Title = RegistrationReceipt.Title,
            FileName = RegistrationReceipt.FileName(sentOn), ContentType = "application/pdf", Content = RegistrationReceipt.Pdf(data), CreatedAt = now,
        };
        db.CandidateDocuments.Add(document);
        return document;
    }

    /// <summary>Whether the file names a company, so that « Mon entreprise peut suivre mon dossier » must be answered.</summary>
    public static bool NamesCompany(Candidate candidate, Registration registration) =>
        CompanyFollowingRules.NamesCompany(registration.EmploymentStatus, registration.EmployerName, registration.EmployerSiret, candidate.CompanyId is not null);

    /// <summary>The proofs still missing before the file can be sent (the rule: <see cref="ProofRules"/>).</summary>
    public Task<IReadOnlyList<string>> ProofsMissingAsync(Registration registration) => proofs.MissingBeforeSubmitAsync(registration.Id);

    /// <summary>What staff and the summary step must know is missing before the file can be sent.</summary>
    public static IReadOnlyList<string> MissingBeforeSubmit(Candidate candidate, Registration registration)
    {
        var missing = new List<string>();
        if (candidate.BirthDate == default) missing.Add("Votre date de naissance (étape « Identité »).");
        if (registration.Route == default) missing.Add("Votre voie d'accès (étape « Parcours »).");
        if (registration.Funding is null) missing.Add("Le financement envisagé (étape « Parcours »).");
        if (registration.EmploymentStatus == default) missing.Add("Votre situation professionnelle (étape « Parcours »).");
        return missing;
    }

    private async Task<Registration?> EditableAsync(WizardSubject who)
    {
        var (_, registration) = await CurrentAsync(who);
        if (registration is not null) await db.Entry(registration).Reference(r => r.Candidate).LoadAsync();
        return registration is { IsEditableByCandidate: true } ? registration : null;
    }
}
