using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Admissibility;

/// <summary>
/// Staff decide on a submitted registration: the decision and its motive go in the status history, the letter in the
/// candidate's documents, and the candidate gets an e-mail (their company's managers too, when the candidate agreed).
/// </summary>
public sealed class AdmissibilityDecisions(CqpDbContext db, CandidateMailer mailer, EmployeeNotifications companies, Registrations.RegistrationProofs proofs, TimeProvider clock)
{
    /// <param name="requestedDocuments">
    /// With « Incomplet », the documents staff name (<see cref="Domain.Registrations.ProofRules.RequestLabels"/>): each
    /// becomes a request the candidate answers with a file before sending the file again; the letter and e-mail name them.
    /// </param>
    public async Task<bool> DecideAsync(int registrationId, RegistrationState decision, string? motive, string staffUserId, string staffName,
        IReadOnlyList<string>? requestedDocuments = null)
    {
        requestedDocuments = decision == RegistrationState.Incomplete ? requestedDocuments ?? [] : [];
        if (decision == RegistrationState.Incomplete && requestedDocuments.Count > 0)
            motive = Domain.Registrations.ProofRules.IncompleteMotive(motive, requestedDocuments);
        var registration = await db.Registrations.Include(r => r.Candidate).Include(r => r.Certification)
            .FirstOrDefaultAsync(r => r.Id == registrationId);
        if (registration is not { State: RegistrationState.Submitted }) return false;

        var today = DayInParis.Today(clock);
        var now = clock.GetUtcNow();
        registration.Decide(decision, motive, today, now, staffUserId);
        proofs.Request(registration, requestedDocuments, staffUserId);
        var candidate = registration.Candidate!;
        var earlierLetters = await db.CandidateDocuments.CountAsync(d => d.RegistrationId == registration.Id && d.Title == "Décision sur la recevabilité");
        var letter = DecisionLetter.Render(new DecisionLetterData(candidate.FullName, candidate.Sex, registration.Certification!.Title,
            registration.Route, registration.RegisteredOn ?? today, decision, registration.DecisionMotive, today,
            registration.Certification.JourneyLimitMonths, staffName, requestedDocuments, registration.Id, earlierLetters + 1));
        db.CandidateDocuments.Add(new CandidateDocument
        {
            CandidateId = candidate.Id, RegistrationId = registration.Id, Title = "Décision sur la recevabilité",
            FileName = DecisionLetter.FileName(today), ContentType = "application/pdf", Content = letter, CreatedAt = now,
        });
        await db.SaveChangesAsync();

        await mailer.AdmissibilityDecidedAsync(candidate, decision, registration.DecisionMotive, requestedDocuments);
        await companies.AdmissibilityDecidedAsync(registration.Id, decision, today, registration.DecisionMotive);
        return true;
    }
}
