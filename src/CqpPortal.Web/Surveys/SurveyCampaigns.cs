using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Surveys;

/// <summary>One line of the campaigns table: the figures and the cohort as staff read it.</summary>
public sealed record CampaignLine(CampaignFigures Figures, string Cohort);

/// <summary>A survey staff should phone for.</summary>
public sealed record HolderToPhone(int SurveyId, string Name, string? Phone, string? Email, DateOnly CertifiedOn, SurveyWave Wave, DateOnly DueOn, bool Reminded);

/// <summary>A survey as the manual entry page shows it: the holder, and the answer when there is one.</summary>
public sealed record StaffSurveyView(HolderSurvey Survey, string Name, DateOnly BirthDate, string? Phone, string? Email, DateOnly CertifiedOn, string? RecordedBy);

/// <summary>
/// The staff side of the follow-up surveys: the campaigns' figures (<see cref="SurveyCampaignFigures"/>), the holders to
/// phone, and answers typed by staff from a phone call or a paper form, through the holder's own rules
/// (<see cref="HolderSurveys.AnswerAsync"/>) and marked with how they came and who typed them.
/// </summary>
public sealed class SurveyCampaigns(CqpDbContext db, HolderSurveys surveys, TimeProvider clock)
{
    /// <summary>The surveys with what the campaigns count, their holder's cohort and its label.</summary>
    public async Task<(IReadOnlyList<CampaignFigures> Waves, IReadOnlyList<CampaignLine> Cohorts)> FiguresAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.HolderSurveys.AsNoTracking()
            .Select(s => new
            {
                s.Wave, s.DueOn, Invited = s.InvitedAt != null, Reminded = s.FirstReminderAt != null, OptedOut = s.OptedOutAt != null,
                Answered = s.RespondedOn != null, s.Channel, s.Registration!.CertifiedOn,
                Jury = s.Registration.JuryDecisions.AsQueryable().Where(JuryDecision.IsFinal).Where(j => j.Result == JuryResult.TotalValidation)
                    .OrderByDescending(j => j.DecidedOn).Select(j => new { j.SessionId, j.DecidedOn, City = j.Session != null ? j.Session.City : null }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var labels = new Dictionary<SurveyCohort, string>();
        var surveysCounted = rows.Select(r =>
        {
            var certifiedOn = r.CertifiedOn ?? r.Jury?.DecidedOn ?? r.DueOn.AddMonths(-(int)r.Wave);
            var cohort = SurveyCohort.Of(r.Jury?.SessionId, r.Jury?.DecidedOn, certifiedOn);
            labels.TryAdd(cohort, cohort.IsTakenOver
                ? $"Dossiers repris : obtenus en {FrenchFormat.Month(cohort.Date)}"
                : $"Jury du {FrenchFormat.Date(cohort.Date)}" + (r.Jury?.City is { Length: > 0 } city ? $" ({city})" : ""));
            return new CampaignSurvey(r.Wave, cohort, r.DueOn, r.Invited, r.Reminded, r.OptedOut, r.Answered, r.Channel);
        }).ToList();
        var today = DayInParis.Today(clock);
        return (SurveyCampaignFigures.ByWave(surveysCounted, today),
            SurveyCampaignFigures.ByCohort(surveysCounted, today).Select(f => new CampaignLine(f, labels[f.Cohort!])).ToList());
    }

    /// <summary>
    /// The surveys due within the invitation window (<see cref="HolderSurveySchedule.InvitationWindowDays"/> days) that
    /// staff should phone for (<see cref="SurveyCampaignFigures.ShouldPhone"/>), the oldest due first.
    /// </summary>
    public async Task<IReadOnlyList<HolderToPhone>> ToPhoneAsync(bool includeUnansweredAfterReminders, CancellationToken cancellationToken = default)
    {
        var today = DayInParis.Today(clock);
        var oldest = today.AddDays(-HolderSurveySchedule.InvitationWindowDays);
        var rows = await db.HolderSurveys.AsNoTracking()
            .Where(s => s.RespondedOn == null && s.OptedOutAt == null && s.DueOn <= today && s.DueOn > oldest)
            .OrderBy(s => s.DueOn).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Wave, s.DueOn, Invited = s.InvitedAt != null, SecondReminder = s.SecondReminderAt != null, Reminded = s.FirstReminderAt != null,
                s.Registration!.Candidate!.FirstName, s.Registration.Candidate.LastName, s.Registration.Candidate.Email, s.Registration.Candidate.Phone,
                s.Registration.CertifiedOn,
            })
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => SurveyCampaignFigures.ShouldPhone(!string.IsNullOrWhiteSpace(r.Email), r.Invited, answered: false, optedOut: false, r.SecondReminder, includeUnansweredAfterReminders))
            .Select(r => new HolderToPhone(r.Id, $"{r.FirstName} {r.LastName}", r.Phone, string.IsNullOrWhiteSpace(r.Email) ? null : r.Email,
                r.CertifiedOn ?? r.DueOn.AddMonths(-(int)r.Wave), r.Wave, r.DueOn, r.Reminded))
            .ToList();
    }

    /// <summary>The survey with its holder, tracked (the answer is recorded on it); null when there is no such survey.</summary>
    public async Task<StaffSurveyView?> FindAsync(int surveyId, CancellationToken cancellationToken = default)
    {
        var survey = await db.HolderSurveys.Include(s => s.Registration).ThenInclude(r => r!.Candidate)
            .FirstOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        if (survey is null) return null;
        var candidate = survey.Registration!.Candidate!;
        var recordedBy = survey.RecordedByUserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName != "" ? u.DisplayName : u.UserName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new StaffSurveyView(survey, candidate.FullName, candidate.BirthDate, candidate.Phone,
            string.IsNullOrWhiteSpace(candidate.Email) ? null : candidate.Email,
            survey.Registration.CertifiedOn ?? survey.DueOn.AddMonths(-(int)survey.Wave), recordedBy);
    }

    /// <summary>
    /// Records an answer received by phone or on paper, once, through the holder's rules; with the channel, the company
    /// (kept for a holder in employment) and who typed it. Returns the problems (field, French message).
    /// </summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> RecordByStaffAsync(HolderSurvey survey, SurveyAnswer typed, string? company,
        SurveyAnswerChannel? channel, DateOnly? receivedOn, string staffUserId, CancellationToken cancellationToken = default)
    {
        if (survey.RespondedOn is not null)
            return [("", "Cette enquête a déjà une réponse : elle ne peut pas être saisie une seconde fois.")];
        typed = typed with { Company = company };
        var problems = new List<(string Field, string Message)>();
        if (channel is not (SurveyAnswerChannel.Phone or SurveyAnswerChannel.Paper))
            problems.Add(("Channel", "Indiquez comment la réponse est parvenue : par téléphone ou sur un questionnaire papier."));
        problems.AddRange(SurveyAnswerRules.CheckReceivedOn(receivedOn, survey.DueOn, DayInParis.Today(clock)));
        problems.AddRange(SurveyAnswerRules.Check(typed));
        if (problems.Count > 0) return problems;

        // The holder's rules, the row lock against a second answer at once, and who typed it: in one place for every channel.
        return await surveys.AnswerAsync(survey, typed, channel!.Value, staffUserId, receivedOn, cancellationToken);
    }
}
