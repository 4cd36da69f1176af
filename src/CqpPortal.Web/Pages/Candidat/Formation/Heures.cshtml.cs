using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Time;
using CqpPortal.Web.Data;
using CqpPortal.Web.Sessions;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Candidat.Formation;

/// <summary>
/// The trainee's hours per unit against their path, their monthly statements and end-of-training certificate, and
/// whether the evaluation sign-up is open to them (the path's hours done, or staff's waiver).
/// </summary>
public class HoursModel(TrainingRecord records, TrainingDocuments documents, SessionEnrolments enrolments, CqpDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The candidate's training record (null: no training-route registration to show).</summary>
    public TraineeRecord? Record { get; private set; }

    /// <summary>Why the certificate cannot be given yet (null: it can).</summary>
    public string? WhyNoCertificate { get; private set; }

    /// <summary>What the sign-up rules know of the candidate: a seat or waiting place held, the evaluation gate of the path.</summary>
    public SignUpCandidate? Candidate { get; private set; }

    /// <summary>The evaluation gate of the current path (null: no path in the portal).</summary>
    public TrainingGate? Gate => Candidate?.Training;

    /// <summary>Why the candidate cannot sign up for an evaluation now, whatever the session (null: they can).</summary>
    public string? WhyNoEvaluation { get; private set; }

    public async Task OnGetAsync()
    {
        Record = await records.OwnAsync(User);
        if (Record is null) return;
        WhyNoCertificate = documents.WhyNoCertificateYet(Record);
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Certification).FirstAsync(r => r.Id == Record.RegistrationId);
        Candidate = await enrolments.CandidateFactsAsync(registration, registration.Certification!.JourneyLimitMonths);
        WhyNoEvaluation = SessionSignUpRules.WhyNotForAnySession(Candidate, DayInParis.Today(clock));
    }
}
