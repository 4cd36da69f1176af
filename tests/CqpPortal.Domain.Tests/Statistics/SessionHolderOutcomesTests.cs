using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using static CqpPortal.Domain.Tests.Statistics.Rows;

namespace CqpPortal.Domain.Tests.Statistics;

public class SessionHolderOutcomesTests
{
    [Fact]
    public void The_6_month_answers_of_the_session_holders_are_counted_whatever_their_date_and_the_24_month_ones_are_not()
    {
        var outcomes = SessionHolderOutcomes.Compute(5,
        [
            Answer(new(2025, 3, 1), HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch, invitedOn: new(2025, 2, 20)),
            Answer(new(2026, 1, 2), HolderSituation.Employed, EmploymentContract.Cdd, EmploymentSector.OtherBranch, invitedOn: new(2025, 12, 20)),
            // Not employed: a contract left on the answer does not count.
            Answer(new(2025, 3, 4), HolderSituation.JobSeeker, EmploymentContract.Cdi, EmploymentSector.Branch, invitedOn: new(2025, 2, 20)),
            Invitation(new(2025, 2, 20)),
            Answer(new(2026, 9, 1), HolderSituation.Other, wave: SurveyWave.TwentyFourMonths, invitedOn: new(2026, 8, 20)),
        ]);

        Assert.Equal(5, outcomes.Holders);
        Assert.Equal(4, outcomes.Invited);
        Assert.Equal(3, outcomes.Responses);
        Assert.Equal((2, 1, 0, 0), (outcomes.Situation[HolderSituation.Employed], outcomes.Situation[HolderSituation.JobSeeker], outcomes.Situation[HolderSituation.InTraining], outcomes.Situation[HolderSituation.Other]));
        Assert.Equal((1, 1, 0, 0), (outcomes.Contract[EmploymentContract.Cdi], outcomes.Contract[EmploymentContract.Cdd], outcomes.Contract[EmploymentContract.SelfEmployed], outcomes.Contract[EmploymentContract.Temporary]));
        Assert.Equal((1, 1), (outcomes.Sector[EmploymentSector.Branch], outcomes.Sector[EmploymentSector.OtherBranch]));
    }

    [Fact]
    public void A_session_without_answers_gives_zeros()
    {
        var outcomes = SessionHolderOutcomes.Compute(0, []);

        Assert.Equal((0, 0, 0), (outcomes.Holders, outcomes.Invited, outcomes.Responses));
        Assert.Equal(0, outcomes.Situation.Sum);
    }

    [Theory]
    [InlineData("2025-06-12", "2025-12-12")]
    [InlineData("2025-08-31", "2026-02-28")]
    public void The_report_is_due_six_months_after_the_session_ends(string endsOn, string dueOn)
    {
        Assert.Equal(DateOnly.Parse(dueOn), SessionHolderOutcomes.ReportDueOn(DateOnly.Parse(endsOn)));
    }
}
