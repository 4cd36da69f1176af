using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Admissibility;

/// <summary>
/// Staff decide on a submitted registration: the decision and its motive go in the status history, the letter in the
/// candidate's documents, and the candidate gets an e-mail.
/// </summary>
public sealed class AdmissibilityDecisions(CqpDbContext db, IEmailSender email, TimeProvider clock)
{
    public async Task<bool> DecideAsync(int registrationId, RegistrationState decision, string? motive, string staffUserId, string staffName)
    {
        var registration = await db.Registrations.Include(r => r.Candidate).Include(r => r.Certification)
            .FirstOrDefaultAsync(r => r.Id == registrationId);
        if (registration is not { State: RegistrationState.Submitted }) return false;

        var today = DayInParis.Today(clock);
        var now = clock.GetUtcNow();
        registration.Decide(decision, motive, today, now, staffUserId);
        var candidate = registration.Candidate!;
        var letter = DecisionLetter.Render(new DecisionLetterData(candidate.FullName, candidate.Sex, registration.Certification!.Title,
            registration.Route, registration.RegisteredOn ?? today, decision, registration.DecisionMotive, today,
            registration.Certification.JourneyLimitMonths, staffName));
        db.CandidateDocuments.Add(new CandidateDocument
        {
            CandidateId = candidate.Id, RegistrationId = registration.Id, Title = "Décision sur la recevabilité",
            FileName = DecisionLetter.FileName(today), ContentType = "application/pdf", Content = letter, CreatedAt = now,
        });
        await db.SaveChangesAsync();

        var (subject, summary) = decision switch
        {
            RegistrationState.Admissible => ("Votre candidature au CQP est recevable", "Votre candidature est déclarée recevable."),
            RegistrationState.NotAdmissible => ("Votre candidature au CQP n'est pas recevable", $"Votre candidature n'est pas recevable. Motif : {registration.DecisionMotive}"),
            _ => ("Votre dossier d'inscription au CQP est incomplet", $"Votre dossier est incomplet : {registration.DecisionMotive}\nComplétez-le dans votre espace candidat, puis renvoyez-le."),
        };
        await email.SendAsync(new EmailMessage(candidate.Email, subject,
            $"Bonjour {candidate.FirstName},\n\n{summary}\n\nLa lettre de décision est disponible dans votre espace candidat, rubrique « Mes documents »."));
        return true;
    }
}
