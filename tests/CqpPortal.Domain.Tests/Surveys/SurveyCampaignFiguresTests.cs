using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Surveys;

public class SurveyCampaignFiguresTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly SurveyCohort March = SurveyCohort.Of(41, new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 12));
    private static readonly SurveyCohort May = SurveyCohort.Of(42, new DateOnly(2026, 5, 20), new DateOnly(2026, 5, 20));

    private static CampaignSurvey Survey(SurveyCohort cohort, SurveyWave wave = SurveyWave.SixMonths, bool invited = true, bool reminded = false,
        bool optedOut = false, SurveyAnswerChannel? answeredBy = null, int dueDaysAgo = 10) =>
        new(wave, cohort, Today.AddDays(-dueDaysAgo), invited, reminded, optedOut, answeredBy is not null, answeredBy);

    [Fact]
    public void A_cohort_is_the_jury_session_that_certified_the_holder()
    {
        var cohort = SurveyCohort.Of(41, new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 12));

        Assert.Equal((41, new DateOnly(2026, 3, 12), false), (cohort.JurySessionId, cohort.Date, cohort.IsTakenOver));
    }

    [Fact]
    public void Holders_certified_without_a_portal_jury_are_grouped_by_the_month_they_obtained_it()
    {
        var a = SurveyCohort.Of(null, null, new DateOnly(2024, 3, 5));
        var b = SurveyCohort.Of(null, new DateOnly(2024, 3, 28), new DateOnly(2024, 3, 28));

        Assert.Equal(a, b);
        Assert.Equal((true, new DateOnly(2024, 3, 1)), (a.IsTakenOver, a.Date));
    }

    [Fact]
    public void Each_cohort_counts_invited_reminded_answered_by_channel_opted_out_and_its_rate()
    {
        var lines = SurveyCampaignFigures.ByCohort(
        [
            Survey(March, answeredBy: SurveyAnswerChannel.Online),
            Survey(March, reminded: true, answeredBy: SurveyAnswerChannel.Phone),
            Survey(March, invited: false, answeredBy: SurveyAnswerChannel.Paper),
            Survey(March, reminded: true, optedOut: true),
            Survey(May, reminded: true),
        ], Today);

        Assert.Equal([May, March], lines.Select(l => l.Cohort));
        var march = lines[1];
        Assert.Equal((4, 3, 2, 3, 1, 1, 1), (march.Due, march.Invited, march.Reminded, march.Answered, march.ByPhone, march.OnPaper, march.OptedOut));
        Assert.Equal(0.75, march.ResponseRate);
        Assert.Equal(0.0, lines[0].ResponseRate);
    }

    [Fact]
    public void A_wave_with_no_survey_due_has_no_rate_rather_than_a_division_by_zero()
    {
        var waves = SurveyCampaignFigures.ByWave([Survey(March, dueDaysAgo: -3)], Today);

        Assert.Equal([SurveyWave.SixMonths, SurveyWave.TwentyFourMonths], waves.Select(w => w.Wave));
        Assert.All(waves, w => Assert.Equal((0, (double?)null), (w.Due, w.ResponseRate)));
    }

    [Fact]
    public void A_survey_not_yet_due_is_not_counted_but_an_answer_given_early_is_so_the_rate_never_exceeds_one()
    {
        var waves = SurveyCampaignFigures.ByWave(
        [
            Survey(March, dueDaysAgo: -3),
            Survey(March, dueDaysAgo: -3, answeredBy: SurveyAnswerChannel.Import),
            Survey(March, wave: SurveyWave.TwentyFourMonths, answeredBy: SurveyAnswerChannel.Online),
        ], Today);

        Assert.Equal((1, 1, 1.0), (waves[0].Due, waves[0].Answered, waves[0].ResponseRate!.Value));
        Assert.Equal((1, 1.0), (waves[1].Due, waves[1].ResponseRate!.Value));
    }

    [Fact]
    public void Waves_are_kept_apart_within_a_cohort()
    {
        var lines = SurveyCampaignFigures.ByCohort([Survey(March), Survey(March, wave: SurveyWave.TwentyFourMonths)], Today);

        Assert.Equal([SurveyWave.SixMonths, SurveyWave.TwentyFourMonths], lines.Select(l => l.Wave));
    }

    [Fact]
    public void Staff_phone_the_holders_no_e_mail_reaches_and_on_request_those_silent_after_the_second_reminder()
    {
        Assert.True(SurveyCampaignFigures.ShouldPhone(hasEmail: false, invited: false, answered: false, optedOut: false, secondReminderSent: false, includeUnansweredAfterReminders: false));
        Assert.False(SurveyCampaignFigures.ShouldPhone(hasEmail: true, invited: true, answered: false, optedOut: false, secondReminderSent: true, includeUnansweredAfterReminders: false));
        Assert.True(SurveyCampaignFigures.ShouldPhone(hasEmail: true, invited: true, answered: false, optedOut: false, secondReminderSent: true, includeUnansweredAfterReminders: true));
        Assert.False(SurveyCampaignFigures.ShouldPhone(hasEmail: true, invited: true, answered: false, optedOut: false, secondReminderSent: false, includeUnansweredAfterReminders: true));
    }

    [Fact]
    public void Nobody_is_phoned_once_they_answered_or_opted_out()
    {
        Assert.False(SurveyCampaignFigures.ShouldPhone(hasEmail: false, invited: false, answered: true, optedOut: false, secondReminderSent: false, includeUnansweredAfterReminders: true));
        Assert.False(SurveyCampaignFigures.ShouldPhone(hasEmail: false, invited: false, answered: false, optedOut: true, secondReminderSent: false, includeUnansweredAfterReminders: true));
    }
}
