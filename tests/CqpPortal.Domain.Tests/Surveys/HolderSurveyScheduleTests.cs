using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Surveys;

public class HolderSurveyScheduleTests
{
    private static readonly DateOnly CertifiedOn = new(2025, 6, 12);

    [Fact]
    public void Holders_are_surveyed_six_and_twenty_four_months_after_certification()
    {
        Assert.Equal(new DateOnly(2025, 12, 12), HolderSurveySchedule.DueOn(CertifiedOn, SurveyWave.SixMonths));
        Assert.Equal(new DateOnly(2027, 6, 12), HolderSurveySchedule.DueOn(CertifiedOn, SurveyWave.TwentyFourMonths));
    }

    [Fact]
    public void No_wave_is_due_the_day_before_six_months()
    {
        Assert.Empty(HolderSurveySchedule.WavesDue(CertifiedOn, new DateOnly(2025, 12, 11)));
    }

    [Fact]
    public void The_six_month_wave_is_due_on_its_day_and_the_second_two_years_after()
    {
        Assert.Equal([SurveyWave.SixMonths], HolderSurveySchedule.WavesDue(CertifiedOn, new DateOnly(2025, 12, 12)));
        Assert.Equal([SurveyWave.SixMonths], HolderSurveySchedule.WavesDue(CertifiedOn, new DateOnly(2027, 6, 11)));
        Assert.Equal([SurveyWave.SixMonths, SurveyWave.TwentyFourMonths], HolderSurveySchedule.WavesDue(CertifiedOn, new DateOnly(2027, 6, 12)));
    }

    [Fact]
    public void A_wave_is_sent_from_its_due_day_for_ninety_days_and_not_after()
    {
        Assert.Empty(HolderSurveySchedule.WavesToInvite(CertifiedOn, new DateOnly(2025, 12, 11)));
        Assert.Equal([SurveyWave.SixMonths], HolderSurveySchedule.WavesToInvite(CertifiedOn, new DateOnly(2025, 12, 12)));
        Assert.Equal([SurveyWave.SixMonths], HolderSurveySchedule.WavesToInvite(CertifiedOn, new DateOnly(2025, 12, 12).AddDays(89)));
        Assert.Empty(HolderSurveySchedule.WavesToInvite(CertifiedOn, new DateOnly(2025, 12, 12).AddDays(90)));
        Assert.Equal([SurveyWave.TwentyFourMonths], HolderSurveySchedule.WavesToInvite(CertifiedOn, new DateOnly(2027, 6, 12)));
    }
}

public class HolderSurveyWavesTests
{
    private static readonly DateOnly CertifiedOn = new(2025, 6, 12);

    [Fact]
    public void A_wave_already_opened_is_not_opened_again()
    {
        Assert.Equal([SurveyWave.SixMonths], HolderSurveySchedule.WavesToInvite(CertifiedOn, new DateOnly(2025, 12, 12), [], optedOut: false));
        Assert.Empty(HolderSurveySchedule.WavesToInvite(CertifiedOn, new DateOnly(2025, 12, 13), [SurveyWave.SixMonths], optedOut: false));
        Assert.Equal([SurveyWave.TwentyFourMonths], HolderSurveySchedule.WavesToInvite(CertifiedOn, new DateOnly(2027, 6, 12), [SurveyWave.SixMonths], optedOut: false));
    }

    [Fact]
    public void A_holder_who_opted_out_gets_no_later_wave() =>
        Assert.Empty(HolderSurveySchedule.WavesToInvite(CertifiedOn, new DateOnly(2027, 6, 12), [SurveyWave.SixMonths], optedOut: true));
}
