using CqpPortal.Domain.Evaluations;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Evaluations;

public class EvaluatorAssignmentRulesTests
{
    // 10:00 in Paris on 15 June 2026.
    private static readonly DateTimeOffset Session = new(2026, 6, 15, 8, 0, 0, TimeSpan.Zero);

    private static AssignmentRequest Ready() => new("Hélène Roux", HasAccount: true, SessionKind.Evaluation, SessionCancelled: false, Session, "CQP Exemple",
        new HabilitationFacts(HabilitationState.Active, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), HoldsTheOtherRole: false,
        [new EnrolledCandidate(1, "Alix MARTIN", 10), new EnrolledCandidate(2, "Basile DUPONT", null)], TrainedCandidateIds: [], CompanyIds: []);

    [Fact]
    public void A_habilitated_evaluator_with_an_account_and_no_link_can_be_assigned() => Assert.Null(EvaluatorAssignmentRules.WhyNotAssign(Ready()));

    [Fact]
    public void A_VAE_situation_session_takes_evaluators_too() =>
        Assert.Null(EvaluatorAssignmentRules.WhyNotAssign(Ready() with { SessionKind = SessionKind.VaeSituation }));

    [Fact]
    public void A_jury_or_a_cancelled_session_takes_no_evaluator()
    {
        Assert.Contains("pas à un jury", EvaluatorAssignmentRules.WhyNotAssign(Ready() with { SessionKind = SessionKind.Jury }));
        Assert.Contains("annulée", EvaluatorAssignmentRules.WhyNotAssign(Ready() with { SessionCancelled = true }));
    }

    [Fact]
    public void An_evaluator_without_an_account_cannot_be_assigned() =>
        Assert.Contains("pas encore de compte", EvaluatorAssignmentRules.WhyNotAssign(Ready() with { HasAccount = false }));

    [Fact]
    public void An_evaluator_not_habilitated_for_the_certification_cannot_be_assigned() =>
        Assert.Equal("Hélène Roux n'est pas habilité(e) pour le CQP Exemple.", EvaluatorAssignmentRules.WhyNotAssign(Ready() with { Habilitation = null }));

    [Fact]
    public void An_expired_habilitation_cannot_be_assigned() =>
        Assert.Equal("L'habilitation de Hélène Roux pour le CQP Exemple a expiré le 31/05/2026, avant le 15/06/2026 (session du 15/06/2026).",
            EvaluatorAssignmentRules.WhyNotAssign(Ready() with { Habilitation = new HabilitationFacts(HabilitationState.Active, new DateOnly(2024, 6, 1), new DateOnly(2026, 5, 31)) }));

    [Fact]
    public void A_habilitation_not_yet_valid_suspended_or_withdrawn_cannot_be_assigned()
    {
        Assert.Contains("ne commence que le 01/07/2026", EvaluatorAssignmentRules.WhyNotAssign(Ready() with { Habilitation = new HabilitationFacts(HabilitationState.Active, new DateOnly(2026, 7, 1), new DateOnly(2028, 1, 1)) }));
        Assert.Contains("est suspendue", EvaluatorAssignmentRules.WhyNotAssign(Ready() with { Habilitation = Ready().Habilitation! with { State = HabilitationState.Suspended } }));
        Assert.Contains("a été retirée", EvaluatorAssignmentRules.WhyNotAssign(Ready() with { Habilitation = Ready().Habilitation! with { State = HabilitationState.Withdrawn } }));
    }

    [Fact]
    public void The_habilitation_is_checked_on_the_session_day_in_Paris()
    {
        // 23:30 UTC on 31 May is 01:30 on 1 June in Paris: the day after a habilitation ending on 31 May.
        var request = Ready() with { SessionStartsAt = new DateTimeOffset(2026, 5, 31, 23, 30, 0, TimeSpan.Zero),
            Habilitation = new HabilitationFacts(HabilitationState.Active, new DateOnly(2025, 1, 1), new DateOnly(2026, 5, 31)) };
        Assert.Contains("a expiré le 31/05/2026", EvaluatorAssignmentRules.WhyNotAssign(request));
    }

    [Fact]
    public void The_same_person_cannot_be_both_evaluator_and_co_evaluator() =>
        Assert.Contains("deux personnes différentes", EvaluatorAssignmentRules.WhyNotAssign(Ready() with { HoldsTheOtherRole = true }));

    [Fact]
    public void A_declared_link_with_a_trained_candidate_refuses_and_names_the_candidate() =>
        Assert.Contains("a déclaré avoir formé Basile DUPONT", EvaluatorAssignmentRules.WhyNotAssign(Ready() with { TrainedCandidateIds = [2] }));

    [Fact]
    public void A_candidate_of_the_evaluators_company_refuses_and_is_named() =>
        Assert.Contains("l'entreprise de Alix MARTIN", EvaluatorAssignmentRules.WhyNotAssign(Ready() with { CompanyIds = [10] }));

    [Fact]
    public void A_link_with_a_candidate_not_enrolled_in_the_session_does_not_refuse() =>
        Assert.Null(EvaluatorAssignmentRules.WhyNotAssign(Ready() with { TrainedCandidateIds = [99], CompanyIds = [77] }));
}
