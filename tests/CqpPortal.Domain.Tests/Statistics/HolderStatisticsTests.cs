using CqpPortal.Domain.Vocabulary;
using static CqpPortal.Domain.Tests.Statistics.Rows;

namespace CqpPortal.Domain.Tests.Statistics;

public class HolderStatisticsTests
{
    [Fact]
    public void Holder_outcomes_of_a_year_are_the_answers_given_from_1_January_to_31_December_per_wave()
    {
        var stats = Year2025(surveys:
        [
            Answer(new(2024, 12, 31), HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch),
            Answer(new(2025, 1, 1), HolderSituation.JobSeeker),
            Answer(new(2025, 12, 31), HolderSituation.InTraining),
            Answer(new(2026, 1, 1), HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch),
            Answer(new(2025, 7, 1), HolderSituation.Other, wave: SurveyWave.TwentyFourMonths),
        ]);

        var six = stats.Holder(SurveyWave.SixMonths);
        Assert.Equal(2, six.Responses);
        Assert.Equal((0, 1, 1, 0), (six.Situation[HolderSituation.Employed], six.Situation[HolderSituation.JobSeeker], six.Situation[HolderSituation.InTraining], six.Situation[HolderSituation.Other]));
        var twentyFour = stats.Holder(SurveyWave.TwentyFourMonths);
        Assert.Equal(1, twentyFour.Responses);
        Assert.Equal(1, twentyFour.Situation[HolderSituation.Other]);
    }

    [Fact]
    public void Contract_and_sector_count_the_employed_holders_only()
    {
        var stats = Year2025(surveys:
        [
            Answer(new(2025, 3, 1), HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch),
            Answer(new(2025, 3, 2), HolderSituation.Employed, EmploymentContract.Cdd, EmploymentSector.OtherBranch),
            Answer(new(2025, 3, 3), HolderSituation.Employed, EmploymentContract.Temporary, EmploymentSector.Branch),
            // Left over from an earlier answer: not employed now, so neither contract nor sector counts.
            Answer(new(2025, 3, 4), HolderSituation.JobSeeker, EmploymentContract.Cdi, EmploymentSector.Branch),
            Answer(new(2025, 3, 5), HolderSituation.InTraining, EmploymentContract.SelfEmployed, EmploymentSector.OtherBranch),
        ]);

        var six = stats.Holder(SurveyWave.SixMonths);
        Assert.Equal(5, six.Responses);
        Assert.Equal(3, six.Situation[HolderSituation.Employed]);
        Assert.Equal((1, 1, 0, 1), (six.Contract[EmploymentContract.Cdi], six.Contract[EmploymentContract.Cdd], six.Contract[EmploymentContract.SelfEmployed], six.Contract[EmploymentContract.Temporary]));
        Assert.Equal((2, 1), (six.Sector[EmploymentSector.Branch], six.Sector[EmploymentSector.OtherBranch]));
    }

    [Fact]
    public void The_response_rate_is_how_many_of_the_holders_invited_that_year_answered()
    {
        var stats = Year2025(surveys:
        [
            Answer(new(2025, 2, 10), HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch, invitedOn: new(2025, 1, 1)),
            // Invited on 31 December, answered in January: counts for the year of the invitation.
            Answer(new(2026, 1, 8), HolderSituation.JobSeeker, invitedOn: new(2025, 12, 31)),
            Invitation(new(2025, 5, 5)),
            Invitation(new(2025, 9, 5)),
            Invitation(new(2024, 12, 31)),
            Invitation(new(2026, 1, 1)),
            // Answered without a known invitation: a response, but outside the rate.
            Answer(new(2025, 4, 4), HolderSituation.Other),
            Invitation(new(2025, 5, 5), SurveyWave.TwentyFourMonths),
        ]);

        var six = stats.Holder(SurveyWave.SixMonths);
        Assert.Equal(2, six.Responses);
        Assert.Equal(4, six.Invited);
        Assert.Equal(2, six.InvitedAnswered);
        Assert.Equal(0.5, six.ResponseRate);
        var twentyFour = stats.Holder(SurveyWave.TwentyFourMonths);
        Assert.Equal((1, 0, 0.0), (twentyFour.Invited, twentyFour.InvitedAnswered, twentyFour.ResponseRate));
    }

    [Fact]
    public void Without_invitations_in_the_year_there_is_no_response_rate()
    {
        var stats = Year2025(surveys: [Answer(new(2025, 4, 4), HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch)]);

        Assert.Null(stats.Holder(SurveyWave.SixMonths).ResponseRate);
        Assert.Null(stats.Holder(SurveyWave.TwentyFourMonths).ResponseRate);
    }

    [Fact]
    public void Years_with_activity_come_from_registrations_juries_and_answers_newest_first()
    {
        var years = CqpPortal.Domain.Statistics.AnnualStatistics.YearsWithActivity(
            [Profile(registeredOn: new(2023, 5, 1)), Profile(registeredOn: new(2025, 5, 1))],
            [Jury(decidedOn: new(2024, 6, 12))],
            [Answer(new(2026, 1, 3), HolderSituation.Employed), Invitation(new(2027, 1, 1))]);

        Assert.Equal([2026, 2025, 2024, 2023], years);
    }
}
