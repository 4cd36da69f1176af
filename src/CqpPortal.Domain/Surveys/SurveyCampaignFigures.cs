using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Surveys;

/// <summary>
/// The group a holder's surveys are counted in on the staff campaigns page: the jury session whose decision certified
/// the holder, or, for holders certified without a portal jury (imported records, decisions typed without a session),
/// the month of their date of obtaining — « Dossiers repris », one line per month.
/// </summary>
public sealed record SurveyCohort(int? JurySessionId, DateOnly Date)
{
    public bool IsTakenOver => JurySessionId is null;

    public static SurveyCohort Of(int? jurySessionId, DateOnly? juryOn, DateOnly certifiedOn) =>
        jurySessionId is { } id && juryOn is { } on ? new SurveyCohort(id, on) : new SurveyCohort(null, new DateOnly(certifiedOn.Year, certifiedOn.Month, 1));
}

/// <summary>One survey as the campaigns page counts it.</summary>
public sealed record CampaignSurvey(
    SurveyWave Wave, SurveyCohort Cohort, DateOnly DueOn, bool Invited, bool Reminded, bool OptedOut, bool Answered, SurveyAnswerChannel? Channel);

/// <summary>The figures of a wave, for one cohort or (<see cref="Cohort"/> null) for all of them.</summary>
public sealed record CampaignFigures(SurveyWave Wave, SurveyCohort? Cohort, int Due, int Invited, int Reminded, int Answered, int ByPhone, int OnPaper, int OptedOut)
{
    /// <summary>Answered out of the surveys due; null (shown « – ») when none is due.</summary>
    public double? ResponseRate => Due == 0 ? null : (double)Answered / Due;
}

/// <summary>
/// The follow-up campaigns (cahier des charges, « suivi des titulaires à 6 mois et à 2 ans », « relances »): per wave and
/// cohort, how many surveys are due, invited by e-mail, reminded, answered (of which typed by staff from a phone call
/// or a paper form), opted out, and the response rate. A survey counts once its due day has come, or once answered
/// (an imported answer may predate its due day), so the rate never exceeds 100 %.
/// </summary>
public static class SurveyCampaignFigures
{
    public static bool IsCounted(CampaignSurvey survey, DateOnly today) => survey.Answered || survey.DueOn <= today;

    /// <summary>One line per wave and cohort, the 6-month wave first, the latest cohort first within a wave.</summary>
    public static IReadOnlyList<CampaignFigures> ByCohort(IEnumerable<CampaignSurvey> surveys, DateOnly today) =>
        surveys.Where(s => IsCounted(s, today))
            .GroupBy(s => (s.Wave, s.Cohort))
            .Select(g => Count(g.Key.Wave, g.Key.Cohort, g))
            .OrderBy(f => f.Wave).ThenByDescending(f => f.Cohort!.Date).ThenBy(f => f.Cohort!.IsTakenOver)
            .ToList();

    /// <summary>One line per wave (both always present, zeros included).</summary>
    public static IReadOnlyList<CampaignFigures> ByWave(IEnumerable<CampaignSurvey> surveys, DateOnly today)
    {
        var counted = surveys.Where(s => IsCounted(s, today)).ToList();
        return HolderSurveySchedule.Waves.Select(w => Count(w, null, counted.Where(s => s.Wave == w))).ToList();
    }

    private static CampaignFigures Count(SurveyWave wave, SurveyCohort? cohort, IEnumerable<CampaignSurvey> surveys)
    {
        var list = surveys.ToList();
        return new CampaignFigures(wave, cohort,
            Due: list.Count,
            Invited: list.Count(s => s.Invited),
            Reminded: list.Count(s => s.Reminded),
            Answered: list.Count(s => s.Answered),
            ByPhone: list.Count(s => s.Answered && s.Channel == SurveyAnswerChannel.Phone),
            OnPaper: list.Count(s => s.Answered && s.Channel == SurveyAnswerChannel.Paper),
            OptedOut: list.Count(s => s.OptedOut));
    }

    /// <summary>
    /// Who staff should phone: a survey due, unanswered and not opted out, that no e-mail can reach (no address, never
    /// invited); with <paramref name="includeUnansweredAfterReminders"/>, also those still unanswered after the second reminder.
    /// </summary>
    public static bool ShouldPhone(bool hasEmail, bool invited, bool answered, bool optedOut, bool secondReminderSent, bool includeUnansweredAfterReminders) =>
        !answered && !optedOut && (!hasEmail || !invited || (includeUnansweredAfterReminders && secondReminderSent));
}
