using CqpPortal.Domain.Evaluations;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Evaluations;

public class EvaluationGridRulesTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    private static GridEntryState Entry(string code, bool? acquired = true, bool? agrees = true, int unit = 1) =>
        new(code.GetHashCode(), code, unit, acquired, agrees);

    [Fact]
    public void Units_validated_by_an_earlier_jury_are_not_evaluated_again() =>
        Assert.Equal([2, 4], EvaluationGridRules.UnitsToEvaluate([1, 2, 3, 4], [1, 3]));

    [Fact]
    public void A_first_evaluation_covers_every_unit() =>
        Assert.Equal([1, 2, 3, 4], EvaluationGridRules.UnitsToEvaluate([1, 2, 3, 4], []));

    [Fact]
    public void A_grid_holds_the_competences_of_the_units_to_evaluate_only() =>
        Assert.Equal([11, 12, 31], EvaluationGridRules.CompetencesOf([(11, 1), (12, 1), (21, 2), (31, 3)], [1, 3]));

    [Fact]
    public void A_grid_opens_on_the_session_day_for_a_present_candidate() =>
        Assert.Null(EvaluationGridRules.WhyNotOpen(present: true, Day, Day, unitsToEvaluate: 4));

    [Fact]
    public void A_grid_does_not_open_before_the_session_day() =>
        Assert.Contains("jour de la session", EvaluationGridRules.WhyNotOpen(true, Day, Day.AddDays(-1), 4));

    [Fact]
    public void A_grid_does_not_open_for_an_absent_candidate() =>
        Assert.Contains("présent", EvaluationGridRules.WhyNotOpen(false, Day, Day, 4));

    [Fact]
    public void A_grid_does_not_open_when_every_unit_is_already_validated() =>
        Assert.Contains("déjà validées", EvaluationGridRules.WhyNotOpen(true, Day, Day, 0));

    [Fact]
    public void The_evaluator_marks_a_competence_acquired_without_an_observation() =>
        Assert.Null(EvaluationGridRules.WhyNotMark(EvaluatorRole.Evaluator, false, Entry("C.1.1", null, null), true, null));

    [Fact]
    public void A_competence_not_acquired_needs_an_observation() =>
        Assert.Equal("C.1.2 : une observation est obligatoire quand la compétence est « non acquise ».",
            EvaluationGridRules.WhyNotMark(EvaluatorRole.Evaluator, false, Entry("C.1.2", null, null), false, "  "));

    [Fact]
    public void A_competence_outside_the_grid_cannot_be_marked() =>
        Assert.Contains("ne fait pas partie", EvaluationGridRules.WhyNotMark(EvaluatorRole.Evaluator, false, null, true, null));

    [Fact]
    public void Nothing_can_be_marked_on_a_locked_grid() =>
        Assert.Equal(EvaluationGridRules.Locked, EvaluationGridRules.WhyNotMark(EvaluatorRole.Evaluator, true, Entry("C.1.1"), true, null));

    [Fact]
    public void The_co_evaluator_cannot_mark() =>
        Assert.Contains("Seul l'évaluateur", EvaluationGridRules.WhyNotMark(EvaluatorRole.CoEvaluator, false, Entry("C.1.1"), true, null));

    [Fact]
    public void The_evaluator_cannot_respond_for_the_co_evaluator() =>
        Assert.Contains("Seul le co-évaluateur", EvaluationGridRules.WhyNotRespond(EvaluatorRole.Evaluator, false, Entry("C.1.1"), true, null));

    [Fact]
    public void A_disagreement_needs_an_observation() =>
        Assert.Equal("C.2.1 : expliquez votre désaccord dans une observation.",
            EvaluationGridRules.WhyNotRespond(EvaluatorRole.CoEvaluator, false, Entry("C.2.1", true, null), false, ""));

    [Fact]
    public void The_co_evaluator_answers_only_a_marked_competence() =>
        Assert.Contains("pas encore noté", EvaluationGridRules.WhyNotRespond(EvaluatorRole.CoEvaluator, false, Entry("C.2.1", null, null), true, null));

    [Fact]
    public void The_co_evaluator_agrees_with_a_marked_competence() =>
        Assert.Null(EvaluationGridRules.WhyNotRespond(EvaluatorRole.CoEvaluator, false, Entry("C.2.1", false, null), true, null));

    [Fact]
    public void A_changed_mark_clears_the_co_evaluator_response_and_the_signatures() =>
        Assert.Equal(new GridEditEffect(true, true), EvaluationGridRules.AfterMark(true, null, false, "Hésitations"));

    [Fact]
    public void A_changed_observation_clears_the_signatures_but_not_the_response() =>
        Assert.Equal(new GridEditEffect(false, true), EvaluationGridRules.AfterMark(false, "Hésitations", false, "Hésitations répétées"));

    [Fact]
    public void Saving_the_same_mark_again_changes_nothing() =>
        Assert.Equal(new GridEditEffect(false, false), EvaluationGridRules.AfterMark(true, " Bien ", true, "Bien"));

    [Fact]
    public void A_changed_response_clears_the_signatures() =>
        Assert.True(EvaluationGridRules.AfterResponse(true, null, false, "Non").ClearsSignatures);

    [Fact]
    public void A_grid_marked_and_confirmed_everywhere_can_be_signed() =>
        Assert.Null(EvaluationGridRules.WhyNotSign(EvaluatorRole.Evaluator, false, false, [Entry("C.1.1"), Entry("C.1.2", false)]));

    [Fact]
    public void Signing_names_the_competences_still_to_settle()
    {
        var why = EvaluationGridRules.WhyNotSign(EvaluatorRole.CoEvaluator, false, false,
            [Entry("C.1.1"), Entry("C.1.2", null, null), Entry("C.1.3", true, null), Entry("C.1.4", false, false)]);
        Assert.Contains("C.1.2 (non notée)", why);
        Assert.Contains("C.1.3 (à confirmer par le co-évaluateur)", why);
        Assert.Contains("C.1.4 (désaccord à régler)", why);
        Assert.DoesNotContain("C.1.1", why);
    }

    [Fact]
    public void Nobody_signs_twice() =>
        Assert.Contains("déjà signé", EvaluationGridRules.WhyNotSign(EvaluatorRole.Evaluator, false, true, [Entry("C.1.1")]));

    [Fact]
    public void Someone_who_is_not_an_evaluator_of_the_session_cannot_sign() =>
        Assert.NotNull(EvaluationGridRules.WhyNotSign(null, false, false, [Entry("C.1.1")]));

    [Fact]
    public void A_unit_is_in_progress_while_the_grid_is_unsigned() =>
        Assert.Equal(UnitOutcome.InProgress, EvaluationGridRules.UnitResult(false, [true, true]));

    [Fact]
    public void A_unit_is_acquired_when_all_its_competences_are() =>
        Assert.Equal(UnitOutcome.Acquired, EvaluationGridRules.UnitResult(true, [true, true]));

    [Fact]
    public void A_unit_with_one_competence_not_acquired_is_not_acquired() =>
        Assert.Equal(UnitOutcome.NotAcquired, EvaluationGridRules.UnitResult(true, [true, false]));

    [Fact]
    public void A_signed_grid_is_corrected_with_a_reason() =>
        Assert.Null(EvaluationGridRules.WhyNotCorrect(EvaluatorRole.Evaluator, true, null, "Erreur de saisie sur C.1.3"));

    [Fact]
    public void A_correction_needs_a_reason() =>
        Assert.Equal("Indiquez le motif de la correction.", EvaluationGridRules.WhyNotCorrect(EvaluatorRole.CoEvaluator, true, null, " "));

    [Fact]
    public void An_unsigned_grid_is_not_corrected_by_a_new_version() =>
        Assert.Contains("Seule une grille signée", EvaluationGridRules.WhyNotCorrect(EvaluatorRole.Evaluator, false, null, "Motif"));

    [Fact]
    public void A_second_correction_waits_for_the_first() =>
        Assert.Contains("version 2", EvaluationGridRules.WhyNotCorrect(EvaluatorRole.Evaluator, true, 2, "Motif"));
}
