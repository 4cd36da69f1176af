using CqpPortal.Domain.Privacy;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Privacy;

public class ErasurePolicyTests
{
    private static readonly DateOnly Day = new(2024, 3, 1);

    private static PersonFacts Person(params FileFacts[] files) => new(files, Day);

    [Fact]
    public void A_person_without_any_file_may_be_erased() => Assert.True(ErasurePolicy.For(Person()).Allowed);

    [Fact]
    public void A_non_admissible_file_may_be_erased_and_keeps_no_proof()
    {
        var plan = ErasurePolicy.For(Person(new FileFacts(RegistrationState.NotAdmissible, Day, null, false, false)));
        Assert.True(plan.Allowed);
        Assert.False(plan.KeepsProofOfCertification);
        Assert.DoesNotContain(ErasurePolicy.ProofKept, plan.Kept);
    }

    [Fact]
    public void A_holder_may_be_erased_but_keeps_the_proof_of_certification()
    {
        var plan = ErasurePolicy.For(Person(new FileFacts(RegistrationState.Admissible, Day, Day, IsHolder: true, SessionAhead: false)));
        Assert.True(plan.Allowed);
        Assert.True(plan.KeepsProofOfCertification);
        Assert.Contains(ErasurePolicy.ProofKept, plan.Kept);
    }

    [Theory]
    [InlineData(RegistrationState.Submitted)]
    [InlineData(RegistrationState.Incomplete)]
    [InlineData(RegistrationState.Admissible)]
    public void A_file_in_progress_refuses_the_erasure_and_says_to_abandon_first(RegistrationState state)
    {
        var plan = ErasurePolicy.For(Person(new FileFacts(state, Day, null, false, false)));
        Assert.False(plan.Allowed);
        Assert.Contains("abandonner le parcours", plan.Refusal);
    }

    [Fact]
    public void A_file_convened_to_a_session_not_yet_held_refuses_the_erasure()
    {
        var plan = ErasurePolicy.For(Person(new FileFacts(RegistrationState.Withdrawn, Day, null, false, SessionAhead: true)));
        Assert.False(plan.Allowed);
        Assert.Contains("session qui n'a pas encore eu lieu", plan.Refusal);
    }

    [Fact]
    public void An_admissible_file_with_only_a_partial_validation_is_still_in_progress() =>
        Assert.True(ErasurePolicy.IsInProgress(new FileFacts(RegistrationState.Admissible, Day, Day, IsHolder: false, SessionAhead: false)));

    [Fact]
    public void One_closed_file_does_not_allow_the_erasure_while_another_is_in_progress() =>
        Assert.False(ErasurePolicy.For(Person(
            new FileFacts(RegistrationState.Withdrawn, Day, null, false, false),
            new FileFacts(RegistrationState.Submitted, Day, null, false, false))).Allowed);
}
