using CqpPortal.Domain.Evaluations;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Evaluations;

public class HabilitationRulesTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2027, 12, 31);

    [Fact]
    public void A_habilitation_is_granted_from_a_day_to_a_later_or_same_day()
    {
        Assert.Null(HabilitationRules.WhyNotGrant(From, To));
        Assert.Null(HabilitationRules.WhyNotGrant(From, From));
        Assert.Contains("postérieure", HabilitationRules.WhyNotGrant(To, From));
    }

    [Fact]
    public void A_renewal_needs_a_later_end_date()
    {
        Assert.Null(HabilitationRules.WhyNotRenew(HabilitationState.Active, To, To.AddYears(2)));
        Assert.Contains("31/12/2027", HabilitationRules.WhyNotRenew(HabilitationState.Active, To, To));
    }

    [Fact]
    public void Suspending_and_withdrawing_need_a_reason()
    {
        Assert.Contains("motif de la suspension", HabilitationRules.WhyNotSuspend(HabilitationState.Active, " "));
        Assert.Null(HabilitationRules.WhyNotSuspend(HabilitationState.Active, "Plainte en cours d'instruction"));
        Assert.Contains("motif du retrait", HabilitationRules.WhyNotWithdraw(HabilitationState.Active, null));
        Assert.Null(HabilitationRules.WhyNotWithdraw(HabilitationState.Suspended, "Manquement à l'impartialité"));
    }

    [Fact]
    public void Only_a_suspended_habilitation_can_be_reinstated()
    {
        Assert.Null(HabilitationRules.WhyNotReinstate(HabilitationState.Suspended));
        Assert.Contains("Seule une habilitation suspendue", HabilitationRules.WhyNotReinstate(HabilitationState.Active));
    }

    [Fact]
    public void A_withdrawn_habilitation_is_final()
    {
        Assert.Contains("définitif", HabilitationRules.WhyNotRenew(HabilitationState.Withdrawn, To, To.AddYears(1)));
        Assert.Contains("définitif", HabilitationRules.WhyNotSuspend(HabilitationState.Withdrawn, "motif"));
        Assert.Contains("définitif", HabilitationRules.WhyNotReinstate(HabilitationState.Withdrawn));
        Assert.Contains("définitif", HabilitationRules.WhyNotWithdraw(HabilitationState.Withdrawn, "motif"));
    }

    [Fact]
    public void A_habilitation_is_valid_when_active_and_within_its_dates_both_included()
    {
        Assert.True(HabilitationRules.IsValidOn(HabilitationState.Active, From, To, From));
        Assert.True(HabilitationRules.IsValidOn(HabilitationState.Active, From, To, To));
        Assert.False(HabilitationRules.IsValidOn(HabilitationState.Active, From, To, To.AddDays(1)));
        Assert.False(HabilitationRules.IsValidOn(HabilitationState.Active, From, To, From.AddDays(-1)));
        Assert.False(HabilitationRules.IsValidOn(HabilitationState.Suspended, From, To, From.AddDays(10)));
        Assert.False(HabilitationRules.IsValidOn(HabilitationState.Withdrawn, From, To, From.AddDays(10)));
    }

    [Fact]
    public void Why_a_habilitation_is_not_valid_says_which_with_the_dates()
    {
        Assert.Contains("a expiré le 31/12/2027", HabilitationRules.WhyNotValidOn(HabilitationState.Active, From, To, To.AddDays(1)));
        Assert.Contains("ne commence que le 01/01/2026", HabilitationRules.WhyNotValidOn(HabilitationState.Active, From, To, From.AddDays(-1)));
        Assert.Contains("suspendue", HabilitationRules.WhyNotValidOn(HabilitationState.Suspended, From, To, From));
        Assert.Contains("retirée", HabilitationRules.WhyNotValidOn(HabilitationState.Withdrawn, From, To, From));
    }
}
