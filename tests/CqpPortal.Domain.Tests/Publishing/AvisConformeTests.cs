using CqpPortal.Domain.Publishing;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Publishing;

public class AvisConformeTests
{
    private static ApprovalRequest Request(ApprovalDecision decision = ApprovalDecision.Approve, string? reason = null, ApprovalState current = ApprovalState.Proposed,
        string author = "staff@cqp.test", string reviewer = "sist@cqp.test", bool analyst = true) =>
        new(current, author, reviewer, analyst, decision, reason);

    [Fact]
    public void A_sist_analyst_approves_a_proposal_made_by_someone_else()
    {
        Assert.Equal(ApprovalState.Approved, AvisConforme.Decide(Request()).NewState);
    }

    [Fact]
    public void A_refusal_with_a_reason_keeps_the_reason_trimmed()
    {
        var outcome = AvisConforme.Decide(Request(ApprovalDecision.Refuse, "  Le logo de la CPNEFP manque.  "));
        Assert.Equal(ApprovalState.Refused, outcome.NewState);
        Assert.Equal("Le logo de la CPNEFP manque.", outcome.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_refusal_needs_a_reason(string? reason)
    {
        var outcome = AvisConforme.Decide(Request(ApprovalDecision.Refuse, reason));
        Assert.False(outcome.Allowed);
        Assert.StartsWith("Indiquez la raison du refus", outcome.Refusal);
    }

    [Fact]
    public void An_oversize_reason_is_refused()
    {
        Assert.False(AvisConforme.Decide(Request(ApprovalDecision.Refuse, new string('r', AvisConforme.ReasonMaxLength + 1))).Allowed);
    }

    [Theory]
    [InlineData(ApprovalDecision.Approve)]
    [InlineData(ApprovalDecision.Refuse)]
    public void The_author_of_a_proposal_cannot_decide_on_it(ApprovalDecision decision)
    {
        var outcome = AvisConforme.Decide(Request(decision, "raison", author: "SIST@cqp.test"));
        Assert.False(outcome.Allowed);
        Assert.Contains("Vous avez fait cette proposition", outcome.Refusal);
    }

    [Fact]
    public void Only_a_sist_analyst_decides()
    {
        var outcome = AvisConforme.Decide(Request(reviewer: "admin@cqp.test", analyst: false));
        Assert.False(outcome.Allowed);
        Assert.Contains("analyste du SIST", outcome.Refusal);
    }

    [Theory]
    [InlineData(ApprovalState.Approved)]
    [InlineData(ApprovalState.Refused)]
    public void Only_a_proposal_can_be_decided(ApprovalState current)
    {
        Assert.False(AvisConforme.Decide(Request(current: current)).Allowed);
        Assert.False(AvisConforme.Decide(Request(ApprovalDecision.Refuse, "raison", current)).Allowed);
    }

    [Fact]
    public void Staff_read_the_state_with_the_reason_of_a_refusal()
    {
        Assert.Equal("en attente d'avis conforme", AvisConforme.StateText(ApprovalState.Proposed, null));
        Assert.Equal("refusé : logo manquant", AvisConforme.StateText(ApprovalState.Refused, "logo manquant"));
    }
}
