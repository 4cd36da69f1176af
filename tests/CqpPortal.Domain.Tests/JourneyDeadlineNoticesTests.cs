using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests;

public class JourneyDeadlineNoticesTests
{
    private static readonly JourneyDeadline Deadline = JourneyDeadline.From(new DateOnly(2025, 3, 31)); // ends 2027-03-31

    [Theory]
    [InlineData(91, DeadlineStep.Nothing)]
    [InlineData(90, DeadlineStep.Warn90)]
    [InlineData(31, DeadlineStep.Warn90)]
    [InlineData(30, DeadlineStep.Warn30)]
    [InlineData(0, DeadlineStep.Warn30)]
    [InlineData(-1, DeadlineStep.Close)]
    public void The_candidate_is_warned_90_and_30_days_before_and_the_journey_closes_the_day_after(int daysLeft, DeadlineStep expected)
    {
        Assert.Equal(expected, JourneyDeadlineNotices.StepOn(Deadline, Deadline.Deadline.AddDays(-daysLeft)));
    }

    [Fact]
    public void A_run_that_missed_the_90th_day_still_warns_and_one_within_30_days_gives_the_30_day_warning_only()
    {
        Assert.Equal(DeadlineStep.Warn90, JourneyDeadlineNotices.StepOn(Deadline, Deadline.Deadline.AddDays(-75)));
        Assert.Equal(DeadlineStep.Warn30, JourneyDeadlineNotices.StepOn(Deadline, Deadline.Deadline.AddDays(-12)));
    }

    [Fact]
    public void The_digest_holds_the_files_within_90_days_and_not_past_their_deadline()
    {
        Assert.True(JourneyDeadlineNotices.IsNear(Deadline, Deadline.Deadline.AddDays(-90)));
        Assert.True(JourneyDeadlineNotices.IsNear(Deadline, Deadline.Deadline));
        Assert.False(JourneyDeadlineNotices.IsNear(Deadline, Deadline.Deadline.AddDays(-91)));
        Assert.False(JourneyDeadlineNotices.IsNear(Deadline, Deadline.Deadline.AddDays(1)));
    }

    [Fact]
    public void A_trainee_not_yet_evaluated_has_the_evaluation_and_the_jury_to_come()
    {
        var lines = JourneyDeadlineNotices.Remaining(new RemainingFacts(CertificationRoute.Training, false, null, null, null, null, null, [1, 2, 3, 4]));
        Assert.Equal(["évaluation à passer : inscription dans « Mes sessions »", "jury à passer (convocation par l'organisme après l'évaluation)"], lines);
    }

    [Fact]
    public void A_vae_candidate_without_booklet_2_is_told_to_send_it()
    {
        var lines = JourneyDeadlineNotices.Remaining(new RemainingFacts(CertificationRoute.Vae, false, null, new DateOnly(2027, 2, 1), null, null, null, [1, 2, 3, 4]));
        Assert.Equal("livret 2 à envoyer et à faire accepter", lines[0]);
        Assert.Equal("mise en situation professionnelle prévue le 01/02/2027", lines[1]);
    }

    [Fact]
    public void After_a_partial_validation_the_missing_units_and_a_new_evaluation_remain()
    {
        var lines = JourneyDeadlineNotices.Remaining(new RemainingFacts(CertificationRoute.Training, false, new DateOnly(2026, 5, 1), null, null,
            JuryResult.PartialValidation, new DateOnly(2026, 6, 15), [4, 2]));
        Assert.Equal("unités restant à valider : unité 2, unité 4", lines[0]);
        Assert.Equal("évaluation à passer : inscription dans « Mes sessions »", lines[1]);
    }

    [Fact]
    public void An_evaluated_candidate_convened_to_a_jury_has_only_the_jury_left()
    {
        var lines = JourneyDeadlineNotices.Remaining(new RemainingFacts(CertificationRoute.Free, false, new DateOnly(2026, 5, 1), null, new DateOnly(2027, 1, 12), null, null, [1, 2, 3, 4]));
        Assert.Equal(["jury prévu le 12/01/2027"], lines);
    }
}

public class JourneyWithdrawalTests
{
    [Theory]
    [InlineData(RegistrationState.Submitted)]
    [InlineData(RegistrationState.Incomplete)]
    [InlineData(RegistrationState.Admissible)]
    public void A_candidate_may_abandon_a_sent_file_without_giving_a_reason(RegistrationState state)
    {
        Assert.Null(JourneyWithdrawal.WhyNot(state, certified: false, byStaff: false, reason: null));
    }

    [Fact]
    public void Staff_must_give_the_reason_of_an_abandon_they_record()
    {
        Assert.Contains("motif", JourneyWithdrawal.WhyNot(RegistrationState.Admissible, false, byStaff: true, reason: "  "));
        Assert.Null(JourneyWithdrawal.WhyNot(RegistrationState.Admissible, false, byStaff: true, reason: "Déménagement à l'étranger"));
    }

    [Theory]
    [InlineData(RegistrationState.Draft)]
    [InlineData(RegistrationState.NotAdmissible)]
    [InlineData(RegistrationState.Withdrawn)]
    [InlineData(RegistrationState.Expired)]
    public void A_draft_a_refused_or_a_closed_file_has_nothing_to_abandon(RegistrationState state)
    {
        Assert.NotNull(JourneyWithdrawal.WhyNot(state, false, false, null));
    }

    [Fact]
    public void A_holder_has_nothing_to_abandon_and_a_reason_has_a_length_limit()
    {
        Assert.Contains("certification est obtenue", JourneyWithdrawal.WhyNot(RegistrationState.Admissible, certified: true, false, null));
        Assert.Contains("1000 caractères", JourneyWithdrawal.WhyNot(RegistrationState.Admissible, false, false, new string('a', 1001)));
    }
}
