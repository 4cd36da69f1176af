using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Domain.Time;
using CqpPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Surveys;

/// <summary>
/// The 6- and 24-month follow-up of holders: invitations sent when a wave falls due (each once), and the holder's
/// answer from their own space. The statistics read the answers and the invitations (response rate).
/// </summary>
public sealed class HolderSurveys(CqpDbContext db, CandidateMailer mailer, NotificationKeys keys, TimeProvider clock)
{
    /// <summary>
    /// Creates and e-mails the invitations due today; returns how many were sent. Safe to run several times a day and
    /// on several servers at once: the invitation's key is claimed in the transaction that creates the survey, and only
    /// the run that claimed it sends the e-mail.
    /// </summary>
    public async Task<int> InviteDueAsync(Func<int, string> answerLink, CancellationToken cancellationToken = default)
    {
        var today = DayInParis.Today(clock);
        var oldest = today.AddMonths(-(int)SurveyWave.TwentyFourMonths).AddDays(-HolderSurveySchedule.InvitationWindowDays);
        var holders = await db.Registrations
            .Where(r => r.Candidate!.UserId != null)
            .Select(r => new
            {
                Registration = r,
                r.Candidate!.Email,
                r.Candidate.FirstName,
                r.Certification,
                CertifiedOn = r.JuryDecisions.AsQueryable().Where(JuryDecision.IsFinal).Where(j => j.Result == JuryResult.TotalValidation).Select(j => (DateOnly?)j.DecidedOn).Max(),
                Waves = r.Surveys.Select(s => s.Wave).ToList(),
            })
            .Where(h => h.CertifiedOn != null && h.CertifiedOn > oldest)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var holder in holders)
        {
            foreach (var wave in HolderSurveySchedule.WavesToInvite(holder.CertifiedOn!.Value, today).Except(holder.Waves))
            {
                var key = InvitationKey(holder.Registration.Id, wave);
                HolderSurvey survey;
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    if (!await keys.TryClaimAsync(key, cancellationToken)) continue; // another run invites this wave
                    survey = new HolderSurvey
                    {
                        RegistrationId = holder.Registration.Id, Wave = wave,
                        DueOn = HolderSurveySchedule.DueOn(holder.CertifiedOn.Value, wave), InvitedAt = clock.GetUtcNow(),
                    };
                    db.HolderSurveys.Add(survey);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                // Claimed with the survey, so handed to delivery once: a transport failure is retried by the job system (EmailDelivery).
                await mailer.SurveyInvitationAsync(holder.Email, holder.FirstName, holder.Certification!.Name, holder.CertifiedOn.Value, wave, answerLink(survey.Id));
                sent++;
            }
        }
        return sent;
    }

    public static string InvitationKey(int registrationId, SurveyWave wave) => $"survey:registration:{registrationId}:{(int)wave}";

    /// <summary>The survey when it belongs to this account's candidate; otherwise null.</summary>
    public Task<HolderSurvey?> FindOwnAsync(string userId, int surveyId) =>
        db.HolderSurveys.Include(s => s.Registration).ThenInclude(r => r!.Candidate)
            .FirstOrDefaultAsync(s => s.Id == surveyId && s.Registration!.Candidate!.UserId == userId);

    /// <summary>Records the answer once; returns the problems (field, French message) when it cannot be recorded.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> AnswerAsync(HolderSurvey survey, SurveyAnswer typed)
    {
        if (survey.RespondedOn is not null) return [("", "Vous avez déjà répondu à cette enquête : merci.")];
        var problems = SurveyAnswerRules.Check(typed);
        if (problems.Count > 0) return problems;
        var answer = SurveyAnswerRules.Normalise(typed);
        survey.Situation = answer.Situation;
        survey.Contract = answer.Contract;
        survey.Sector = answer.Sector;
        survey.JobTitle = answer.JobTitle;
        survey.TrainingLevel = answer.TrainingLevel;
        survey.NsfCode = answer.NsfCode;
        survey.RespondedOn = DayInParis.Today(clock);
        await db.SaveChangesAsync();
        return [];
    }
}
