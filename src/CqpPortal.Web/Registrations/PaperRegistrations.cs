using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Registrations;

/// <summary>What staff copy from a paper form before its steps: who, their address if they gave one, the paper's date.</summary>
public sealed record PaperForm(string FirstName, string LastName, string? Email, DateOnly? PaperFormDate);

/// <summary>
/// Paper registration forms entered by staff. Staff open the file here, then fill it through the online steps
/// (<see cref="RegistrationWizard"/> with a paper <see cref="WizardSubject"/>: the same pages, the same rules) and send
/// it: it is submitted on the paper's date. A candidate who gave an address gets an activation link and follows online;
/// without one the file stays on paper (no account).
/// </summary>
public sealed class PaperRegistrations(CqpDbContext db, UserManager<PortalUser> users, CandidateMailer mailer, TimeProvider clock)
{
    public sealed record PaperRow(int RegistrationId, string Name, string? Email, DateOnly? PaperFormDate, RegistrationState State);

    /// <summary>Opens the file of a paper form; the new registration's id, or the refusal in French keyed by field.</summary>
    public async Task<(int? RegistrationId, string? Field, string? Refusal)> StartAsync(PaperForm form, string staffUserId)
    {
        if (PaperFormRules.CheckDate(form.PaperFormDate, DayInParis.Today(clock)) is { } wrongDate) return (null, "PaperFormDate", wrongDate);
        var email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        if (email is not null && (await users.FindByEmailAsync(email) is not null || await db.Candidates.AnyAsync(c => c.Email == email)))
            return (null, "Email", "Cette adresse est déjà celle d'un candidat ou d'un compte du portail : la personne peut remplir son bulletin en ligne, ou saisissez le bulletin sans adresse.");
        var registration = new Registration
        {
            CertificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(), State = RegistrationState.Draft,
            EnteredByStaffUserId = staffUserId, PaperFormDate = form.PaperFormDate,
        };
        db.Candidates.Add(new Candidate
        {
            Email = email ?? "", FirstName = form.FirstName.Trim(), LastName = form.LastName.Trim(), Registrations = [registration],
        });
        await db.SaveChangesAsync();
        return (registration.Id, null, null);
    }

    /// <summary>The paper forms being entered or returned as incomplete, newest first.</summary>
    public Task<List<PaperRow>> OpenAsync() =>
        db.Registrations.Where(r => r.EnteredByStaffUserId != null && (r.State == RegistrationState.Draft || r.State == RegistrationState.Incomplete))
            .OrderByDescending(r => r.Id)
            .Select(r => new PaperRow(r.Id, r.Candidate!.FirstName + " " + r.Candidate.LastName, r.Candidate.Email == "" ? null : r.Candidate.Email, r.PaperFormDate, r.State))
            .ToListAsync();

    /// <summary>
    /// After a paper form is sent: a candidate with an address and no account yet gets one, inactive until they choose
    /// a password from the e-mailed link; then they follow their file online.
    /// </summary>
    public async Task InviteAsync(Registration registration, Func<string, string, string> activationLink)
    {
        var candidate = registration.Candidate!;
        if (candidate.UserId is not null || string.IsNullOrWhiteSpace(candidate.Email) || await users.FindByEmailAsync(candidate.Email) is not null) return;
        var user = new PortalUser { UserName = candidate.Email, Email = candidate.Email, DisplayName = candidate.FullName };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Candidate);
        candidate.UserId = user.Id;
        await db.SaveChangesAsync();
        var certification = await db.Certifications.Where(c => c.Id == registration.CertificationId).Select(c => c.Name).SingleAsync();
        await mailer.PaperRegistrationRecordedAsync(user, certification, registration.PaperFormDate!.Value, activationLink);
    }
}
