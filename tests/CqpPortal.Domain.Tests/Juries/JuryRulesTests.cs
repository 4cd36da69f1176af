using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Juries;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Juries;

public class JuryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Jury = new(2026, 3, 16, 13, 0, 0, TimeSpan.Zero);

    private static ConveneRequest Ready() => new(RegistrationState.Admissible, CertificationRoute.Training, JourneyDeadline.From(new DateOnly(2025, 1, 10)),
        LastSignedEvaluationAt: Jury.AddDays(-10), LastJuryOn: null, ExperienceBookletAccepted: false, AlreadyCertified: false, AlreadyConvened: false,
        SessionCancelled: false, Jury, Convened: 3, Capacity: 20);

    [Fact]
    public void An_admissible_candidate_with_a_signed_evaluation_within_two_years_can_be_convened() => Assert.Null(JuryRules.WhyNotConvene(Ready(), Now));

    public static TheoryData<string, ConveneRequest> Refusals() => new()
    {
        { "annulé", Ready() with { SessionCancelled = true } },
        { "déjà eu lieu", Ready() with { JuryStartsAt = Now } },
        { "recevable", Ready() with { State = RegistrationState.Submitted } },
        { "déjà obtenu", Ready() with { AlreadyCertified = true } },
        { "déjà convoqué", Ready() with { AlreadyConvened = true } },
        { "grille d'évaluation signée", Ready() with { LastSignedEvaluationAt = null } },
        { "grille d'évaluation signée", Ready() with { LastSignedEvaluationAt = Jury } },
        { "délai de deux ans", Ready() with { Deadline = JourneyDeadline.From(new DateOnly(2024, 3, 15)) } },
        { "complet", Ready() with { Convened = 20 } },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Each_refusal_says_why_in_french(string expected, ConveneRequest request) =>
        Assert.Contains(expected, JuryRules.WhyNotConvene(request, Now));

    [Fact]
    public void A_partially_validated_candidate_is_convened_again_only_with_an_evaluation_signed_after_their_last_jury()
    {
        var lastJury = new DateOnly(2026, 1, 20);
        Assert.Contains("depuis le dernier jury", JuryRules.WhyNotConvene(Ready() with { LastJuryOn = lastJury, LastSignedEvaluationAt = new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero) }, Now));
        Assert.Contains("depuis le dernier jury", JuryRules.WhyNotConvene(Ready() with { LastJuryOn = lastJury, LastSignedEvaluationAt = new DateTimeOffset(2026, 1, 20, 8, 0, 0, TimeSpan.Zero) }, Now));
        Assert.Null(JuryRules.WhyNotConvene(Ready() with { LastJuryOn = lastJury, LastSignedEvaluationAt = new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero) }, Now));
    }

    [Fact]
    public void A_vae_candidate_needs_booklet_2_accepted_and_a_signed_situation()
    {
        var vae = Ready() with { Route = CertificationRoute.Vae, ExperienceBookletAccepted = true };
        Assert.Null(JuryRules.WhyNotConvene(vae, Now));
        Assert.Contains("livret 2", JuryRules.WhyNotConvene(vae with { ExperienceBookletAccepted = false }, Now));
        Assert.Contains("grille de mise en situation professionnelle signée", JuryRules.WhyNotConvene(vae with { LastSignedEvaluationAt = null }, Now));
    }

    [Fact]
    public void The_jury_may_sit_on_the_last_day_of_the_two_years()
    {
        Assert.Null(JuryRules.WhyNotConvene(Ready() with { Deadline = JourneyDeadline.From(new DateOnly(2024, 3, 16)) }, Now));
        Assert.NotNull(JuryRules.WhyNotConvene(Ready() with { Deadline = JourneyDeadline.From(new DateOnly(2024, 3, 15)) }, Now));
    }

    [Fact]
    public void The_two_years_are_counted_in_Paris_days_so_a_jury_just_after_midnight_is_on_the_next_day()
    {
        // 00:30 on 17 March in Paris is 23:30 on 16 March in UTC: the day after a deadline of 16 March.
        var justAfterMidnight = new DateTimeOffset(2026, 3, 16, 23, 30, 0, TimeSpan.Zero);
        var request = Ready() with { JuryStartsAt = justAfterMidnight, Deadline = JourneyDeadline.From(new DateOnly(2024, 3, 16)) };
        Assert.Contains("délai de deux ans", JuryRules.WhyNotConvene(request, Now));
    }

    [Fact]
    public void A_decision_is_recorded_once_the_jury_has_sat()
    {
        Assert.Contains("une fois le jury tenu", JuryRules.WhyNotDecide(Jury, false, Now));
        Assert.Null(JuryRules.WhyNotDecide(Jury, false, Jury));
        Assert.Contains("annulé", JuryRules.WhyNotDecide(Jury, true, Jury.AddDays(1)));
    }

    [Fact]
    public void An_absence_is_no_decision_on_the_units() => Assert.False(JuryRules.IsDecisionOnUnits(JuryResult.Absent));

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4 }, new int[0], JuryResult.TotalValidation)]
    [InlineData(new[] { 1, 3 }, new int[0], JuryResult.PartialValidation)]
    [InlineData(new int[0], new int[0], JuryResult.NotValidated)]
    [InlineData(new[] { 2, 4 }, new[] { 1, 3 }, JuryResult.TotalValidation)]
    [InlineData(new int[0], new[] { 1 }, JuryResult.PartialValidation)]
    [InlineData(new[] { 9 }, new int[0], JuryResult.NotValidated)]
    public void The_result_follows_from_the_units_validated_now_and_before(int[] now, int[] before, JuryResult expected) =>
        Assert.Equal(expected, JuryRules.Result(now, before, [1, 2, 3, 4]));
}
