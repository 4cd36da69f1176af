using CqpPortal.Domain.Accounts;

namespace CqpPortal.Domain.Tests.Accounts;

public class TwoFactorRequirementTests
{
    private static readonly TwoFactorRequirement Required = new(requiredForStaffRoles: true);
    private static readonly TwoFactorRequirement NotRequired = new(requiredForStaffRoles: false);

    [Theory]
    [InlineData("Staff")]
    [InlineData("Administrator")]
    [InlineData("Evaluator")]
    [InlineData("JuryMember")]
    [InlineData("SistAnalyst")]
    [InlineData("Committee")]
    public void When_required_a_staff_role_without_a_second_factor_must_set_it_up_first(string role) =>
        Assert.Equal(TwoFactorDecision.SetUpFirst, Required.Decide([role], twoFactorEnabled: false));

    [Theory]
    [InlineData("Candidate")]
    [InlineData("CompanyManager")]
    public void Candidates_and_company_managers_are_never_forced(string role) =>
        Assert.Equal(TwoFactorDecision.Optional, Required.Decide([role], twoFactorEnabled: false));

    [Fact]
    public void An_account_without_any_role_is_not_forced() =>
        Assert.Equal(TwoFactorDecision.Optional, Required.Decide([], twoFactorEnabled: false));

    [Fact]
    public void A_candidate_who_is_also_an_evaluator_is_forced() =>
        Assert.Equal(TwoFactorDecision.SetUpFirst, Required.Decide(["Candidate", "Evaluator"], twoFactorEnabled: false));

    [Fact]
    public void A_role_the_rule_does_not_know_is_treated_as_a_staff_role() =>
        Assert.Equal(TwoFactorDecision.SetUpFirst, Required.Decide(["Auditor"], twoFactorEnabled: false));

    [Fact]
    public void When_the_setting_is_off_nobody_is_forced() =>
        Assert.Equal(TwoFactorDecision.Optional, NotRequired.Decide(["Staff"], twoFactorEnabled: false));

    [Theory]
    [InlineData(true, "Staff")]
    [InlineData(false, "Staff")]
    [InlineData(true, "Candidate")]
    public void Whoever_has_set_it_up_is_asked_the_code_whatever_the_setting(bool required, string role) =>
        Assert.Equal(TwoFactorDecision.CodeAsked, new TwoFactorRequirement(required).Decide([role], twoFactorEnabled: true));

    [Fact]
    public void A_staff_member_cannot_turn_it_off_while_it_is_required() =>
        Assert.False(Required.MayTurnOff(["Staff"]));

    [Fact]
    public void A_candidate_may_turn_it_off_even_when_it_is_required_for_staff() =>
        Assert.True(Required.MayTurnOff(["Candidate"]));

    [Fact]
    public void Anyone_may_turn_it_off_when_the_setting_is_off() =>
        Assert.True(NotRequired.MayTurnOff(["JuryMember"]));
}
