using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Statistics;

public class SessionHolderOutcomesTests
{
    private static SessionSurveyRow Survey(
        DateOnly? invitedOn = null, DateOnly? remindedOn = null, DateOnly? respondedOn = null, SurveyAnswerChannel? channel = null,
        HolderSituation? situation = null, EmploymentContract? contract = null, EmploymentSector? sector = null) =>
        new(invitedOn, remindedOn, respondedOn, channel, situation, contract, sector);

    [Fact]
    public void Every_survey_of_the_wave_counts_as_due_and_the_invited_the_reminded_and_the_answered_are_counted_apart()
    {
        var outcomes = SessionHolderOutcomes.Compute(SurveyWave.SixMonths, 6,
        [
            Survey(new(2025, 2, 20), respondedOn: new(2025, 3, 1), channel: SurveyAnswerChannel.Online,
                situation: HolderSituation.Employed, contract: EmploymentContract.Cdi, sector: EmploymentSector.Branch),
            Survey(new(2025, 2, 20), new(2025, 2, 27), new(2025, 3, 4), SurveyAnswerChannel.Phone,
                HolderSituation.Employed, EmploymentContract.Cdd, EmploymentSector.OtherBranch),
            // Not employed: a contract left on the answer does not count.
            Survey(new(2025, 2, 20), new(2025, 2, 27), new(2025, 3, 20), SurveyAnswerChannel.Paper, HolderSituation.JobSeeker, EmploymentContract.Cdi, EmploymentSector.Branch),
            Survey(new(2025, 2, 20), new(2025, 2, 27)),
            Survey(), // due, no e-mail address: never sent
        ]);

        Assert.Equal(SurveyWave.SixMonths, outcomes.Wave);
        Assert.Equal((6, 5, 4, 3, 3), (outcomes.Holders, outcomes.SurveysDue, outcomes.Invited, outcomes.Reminded, outcomes.Responses));
        Assert.Equal((1, 1, 1, 0), (outcomes.Channel[SurveyAnswerChannel.Online], outcomes.Channel[SurveyAnswerChannel.Phone], outcomes.Channel[SurveyAnswerChannel.Paper], outcomes.Channel[SurveyAnswerChannel.Import]));
        Assert.Equal((2, 1, 0, 0), (outcomes.Situation[HolderSituation.Employed], outcomes.Situation[HolderSituation.JobSeeker], outcomes.Situation[HolderSituation.InTraining], outcomes.Situation[HolderSituation.Other]));
        Assert.Equal((1, 1, 0, 0), (outcomes.Contract[EmploymentContract.Cdi], outcomes.Contract[EmploymentContract.Cdd], outcomes.Contract[EmploymentContract.SelfEmployed], outcomes.Contract[EmploymentContract.Temporary]));
        Assert.Equal((1, 1), (outcomes.Sector[EmploymentSector.Branch], outcomes.Sector[EmploymentSector.OtherBranch]));
    }

    [Fact]
    public void An_answer_recorded_without_a_channel_counts_as_given_online()
    {
        var outcomes = SessionHolderOutcomes.Compute(SurveyWave.TwentyFourMonths, 1,
            [Survey(new(2025, 2, 20), respondedOn: new(2025, 3, 1), situation: HolderSituation.Other)]);

        Assert.Equal(1, outcomes.Channel[SurveyAnswerChannel.Online]);
        Assert.Equal(SurveyWave.TwentyFourMonths, outcomes.Wave);
    }

    [Fact]
    public void A_session_without_surveys_gives_zeros()
    {
        var outcomes = SessionHolderOutcomes.Compute(SurveyWave.SixMonths, 0, []);

        Assert.Equal((0, 0, 0, 0, 0), (outcomes.Holders, outcomes.SurveysDue, outcomes.Invited, outcomes.Reminded, outcomes.Responses));
        Assert.Equal(0, outcomes.Situation.Sum);
        Assert.Equal(0, outcomes.Channel.Sum);
    }
}

public class HolderOutcomeReportScheduleTests
{
    [Theory]
    [InlineData("2025-06-12", SurveyWave.SixMonths, "2025-12-12", "2026-02-10")]
    [InlineData("2025-08-31", SurveyWave.SixMonths, "2026-02-28", "2026-04-29")]
    [InlineData("2025-06-12", SurveyWave.TwentyFourMonths, "2027-06-12", "2027-08-11")]
    public void The_report_is_due_when_the_link_of_invitations_sent_w_months_after_the_session_has_expired(string endsOn, SurveyWave wave, string invitations, string report)
    {
        Assert.Equal(DateOnly.Parse(invitations), HolderOutcomeReportSchedule.InvitationsDueOn(DateOnly.Parse(endsOn), wave));
        Assert.Equal(DateOnly.Parse(report), HolderOutcomeReportSchedule.ReportDueOn(DateOnly.Parse(endsOn), wave));
    }

    [Fact]
    public void The_report_is_not_due_on_the_day_the_invitations_leave_nor_the_day_before_the_window_closes()
    {
        var endsOn = new DateOnly(2025, 6, 12);

        Assert.False(HolderOutcomeReportSchedule.IsDue(endsOn, SurveyWave.SixMonths, new DateOnly(2025, 12, 12)));
        Assert.False(HolderOutcomeReportSchedule.IsDue(endsOn, SurveyWave.SixMonths, new DateOnly(2026, 2, 9)));
        Assert.True(HolderOutcomeReportSchedule.IsDue(endsOn, SurveyWave.SixMonths, new DateOnly(2026, 2, 10)));
    }

    [Fact]
    public void The_24_month_report_is_not_due_when_the_6_month_one_is()
    {
        var endsOn = new DateOnly(2025, 6, 12);
        var sixMonthReport = HolderOutcomeReportSchedule.ReportDueOn(endsOn, SurveyWave.SixMonths);

        Assert.False(HolderOutcomeReportSchedule.IsDue(endsOn, SurveyWave.TwentyFourMonths, sixMonthReport));
    }

    [Fact]
    public void An_invitation_sent_after_the_due_date_keeps_the_report_waiting_for_its_own_window()
    {
        var endsOn = new DateOnly(2025, 6, 12);

        // A holder certified a month after the sitting was invited on 12 January: their link runs to 13 March.
        Assert.Equal(new DateOnly(2026, 3, 13), HolderOutcomeReportSchedule.ReportDueOn(endsOn, SurveyWave.SixMonths, lastInvitedOn: new DateOnly(2026, 1, 12)));
        Assert.False(HolderOutcomeReportSchedule.IsDue(endsOn, SurveyWave.SixMonths, new DateOnly(2026, 2, 10), lastInvitedOn: new DateOnly(2026, 1, 12)));
    }

    [Fact]
    public void An_invitation_dated_before_the_due_date_never_brings_the_report_earlier()
    {
        var endsOn = new DateOnly(2025, 6, 12);

        Assert.Equal(new DateOnly(2026, 2, 10), HolderOutcomeReportSchedule.ReportDueOn(endsOn, SurveyWave.SixMonths, lastInvitedOn: new DateOnly(2025, 7, 1)));
    }
}
