using CqpPortal.Domain.Companies;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Companies;

/// <summary>
/// The candidate's own answer to « Mon entreprise peut suivre mon dossier », changed from their home page after the
/// registration was sent (the first answer is given on the form's last step, <see cref="Registrations.RegistrationWizard.SubmitAsync"/>).
/// Each answer is dated and kept in the registration's history.
/// </summary>
public sealed class CompanyConsent(CqpDbContext db, TimeProvider clock)
{
    /// <summary>The answer of each sent registration of the candidate that names a company (null: not answered yet).</summary>
    public async Task<Dictionary<int, bool?>> AnswersAsync(string userId)
    {
        var rows = await db.Registrations.Where(r => r.Candidate!.UserId == userId && r.State != RegistrationState.Draft)
            .Select(r => new { r.Id, r.EmploymentStatus, r.EmployerName, r.EmployerSiret, Linked = r.Candidate!.CompanyId != null, r.CompanyMayFollow })
            .ToListAsync();
        return rows.Where(r => CompanyFollowingRules.NamesCompany(r.EmploymentStatus, r.EmployerName, r.EmployerSiret, r.Linked))
            .ToDictionary(r => r.Id, r => r.CompanyMayFollow);
    }

    /// <summary>Records the candidate's new answer; false when the registration is not theirs, not sent, or names no company.</summary>
    public async Task<bool> ChangeAsync(string userId, int registrationId, bool companyMayFollow)
    {
        var registration = await db.Registrations.Include(r => r.Candidate)
            .FirstOrDefaultAsync(r => r.Id == registrationId && r.Candidate!.UserId == userId && r.State != RegistrationState.Draft);
        if (registration is null || !CompanyFollowingRules.NamesCompany(registration.EmploymentStatus, registration.EmployerName, registration.EmployerSiret,
                registration.Candidate!.CompanyId is not null)) return false;
        if (registration.CompanyMayFollow == companyMayFollow) return true;
        Record(registration, companyMayFollow, clock.GetUtcNow(), userId);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Sets the answer, its date, and a line of history (who and when).</summary>
    public static void Record(Registration registration, bool companyMayFollow, DateTimeOffset now, string? byUserId)
    {
        registration.CompanyMayFollow = companyMayFollow;
        registration.CompanyConsentAt = now;
        registration.History.Add(new RegistrationStatusChange
        {
            From = registration.State, To = registration.State, At = now, ByUserId = byUserId, Comment = CompanyFollowingRules.HistoryComment(companyMayFollow),
        });
    }
}
