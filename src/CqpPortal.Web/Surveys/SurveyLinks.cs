using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Surveys;

/// <summary>What a personal survey link shows its holder for confirmation: nothing more than the e-mail's recipient knows.</summary>
public sealed record SurveyLinkView(SurveyLinkState State, SurveyWave Wave, string FirstName, string LastName, string Certification, DateOnly? CertifiedOn, DateOnly LastDay);

/// <summary>
/// The personal links of the holder surveys (no sign-in): a token is looked up by its SHA-256 only; a token that is
/// malformed or unknown finds nothing (the pages answer 404 and show no one's data); a known token answers or opts out
/// its own survey and no other.
/// </summary>
public sealed class SurveyLinks(CqpDbContext db, HolderSurveys surveys, TimeProvider clock)
{
    /// <summary>The survey of <paramref name="token"/> as its page shows it, or null when the token is unknown or malformed.</summary>
    public async Task<SurveyLinkView?> FindAsync(string? token)
    {
        var survey = await SurveyOfAsync(token, tracked: false);
        if (survey is null) return null;
        var registration = survey.Registration!;
        var certifiedOn = registration.CertifiedOn ?? await db.JuryDecisions.Where(JuryDecision.IsFinal)
            .Where(j => j.RegistrationId == registration.Id && j.Result == JuryResult.TotalValidation).MaxAsync(j => (DateOnly?)j.DecidedOn);
        return new SurveyLinkView(StateOf(survey), survey.Wave, registration.Candidate!.FirstName, registration.Candidate.LastName,
            registration.Certification!.Name, certifiedOn, SurveyReminders.LastDay(survey.InvitedAt!.Value));
    }

    /// <summary>
    /// Records the answer given through the link (channel « en ligne »). Null when the token is unknown; otherwise the
    /// state the link was in (an answer is recorded only when it was open) and the problems that refused it.
    /// </summary>
    public async Task<(SurveyLinkState State, IReadOnlyList<(string Field, string Message)> Problems)?> AnswerAsync(string? token, SurveyAnswer typed)
    {
        var survey = await SurveyOfAsync(token, tracked: true);
        if (survey is null) return null;
        var state = StateOf(survey);
        if (state != SurveyLinkState.Open) return (state, []);
        return (state, await surveys.AnswerAsync(survey, typed, SurveyAnswerChannel.Online));
    }

    /// <summary>
    /// The holder's « no more of this survey »: no reminder for it, no later wave for the registration. Honoured whatever
    /// the survey's state (answered, expired): stopping e-mails is always allowed. False when the token is unknown.
    /// </summary>
    public async Task<bool> OptOutAsync(string? token)
    {
        var survey = await SurveyOfAsync(token, tracked: true);
        if (survey is null) return false;
        if (survey.OptedOutAt is null)
        {
            survey.OptedOutAt = clock.GetUtcNow();
            await db.SaveChangesAsync();
        }
        return true;
    }

    /// <summary>True when the token is known and its survey already opted out (the opt-out page's confirmation).</summary>
    public async Task<bool?> IsOptedOutAsync(string? token) =>
        await SurveyOfAsync(token, tracked: false) is { } survey ? survey.OptedOutAt is not null : null;

    private SurveyLinkState StateOf(HolderSurvey survey) => SurveyReminders.StateOf(HolderSurveys.Progress(survey), clock.GetUtcNow());

    private async Task<HolderSurvey?> SurveyOfAsync(string? token, bool tracked)
    {
        if (!SurveyLinkToken.IsWellFormed(token)) return null;
        var hash = SurveyLinkToken.Hash(token!);
        var query = db.HolderSurveys.Include(s => s.Registration!).ThenInclude(r => r.Candidate)
            .Include(s => s.Registration!).ThenInclude(r => r.Certification)
            .Where(s => s.InvitedAt != null && s.Links.Any(l => l.TokenHash == hash));
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync();
    }
}
