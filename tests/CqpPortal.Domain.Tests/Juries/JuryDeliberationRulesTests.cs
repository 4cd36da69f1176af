using CqpPortal.Domain.Juries;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Juries;

public class JuryDeliberationRulesTests
{
    private static Deliberation Total() => new(ByPresident: true, Convened: true, MinutesLocked: false, JuryResult.TotalValidation,
        UnitsNow: [1, 2, 3, 4], UnitsBefore: [], AllUnits: [1, 2, 3, 4], Observations: null);

    [Fact]
    public void A_total_validation_with_every_unit_needs_no_observation() => Assert.Null(JuryDeliberationRules.WhyNotRecord(Total()));

    [Fact]
    public void A_total_validation_may_complete_units_validated_by_an_earlier_jury() =>
        Assert.Null(JuryDeliberationRules.WhyNotRecord(Total() with { UnitsNow = [2, 4], UnitsBefore = [1, 3] }));

    public static TheoryData<string, Deliberation> Refusals() => new()
    {
        { "Seul le président", Total() with { ByPresident = false } },
        { "pas convoqué", Total() with { Convened = false } },
        { "Choisissez le résultat", Total() with { Result = null } },
        { "n'appartient pas", Total() with { UnitsNow = [1, 2, 3, 4, 9] } },
        { "toutes les unités", Total() with { UnitsNow = [1, 2, 3] } },
        { "au moins une unité", Total() with { Result = JuryResult.PartialValidation, UnitsNow = [], Observations = "À reprendre." } },
        { "au moins une unité", Total() with { Result = JuryResult.PartialValidation, UnitsNow = [1], UnitsBefore = [1], Observations = "À reprendre." } },
        { "c'est une validation totale", Total() with { Result = JuryResult.PartialValidation, Observations = "À reprendre." } },
        { "ne valide aucune unité", Total() with { Result = JuryResult.NotValidated, UnitsNow = [2], Observations = "À reprendre." } },
        { "absent ne valide aucune unité", Total() with { Result = JuryResult.Absent, UnitsNow = [2], Observations = "Absent." } },
        { "Motivez", Total() with { Result = JuryResult.PartialValidation, UnitsNow = [1, 3], Observations = "  " } },
        { "Motivez", Total() with { Result = JuryResult.NotValidated, UnitsNow = [] } },
        { "Motivez", Total() with { Result = JuryResult.Absent, UnitsNow = [] } },
        { "verrouillé", Total() with { MinutesLocked = true } },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Each_refused_deliberation_says_why_in_french(string expected, Deliberation deliberation) =>
        Assert.Contains(expected, JuryDeliberationRules.WhyNotRecord(deliberation));

    [Fact]
    public void A_partial_validation_a_non_validation_and_an_absence_are_accepted_when_motivated_and_consistent()
    {
        Assert.Null(JuryDeliberationRules.WhyNotRecord(Total() with { Result = JuryResult.PartialValidation, UnitsNow = [1, 3], Observations = "Accueil à retravailler." }));
        Assert.Null(JuryDeliberationRules.WhyNotRecord(Total() with { Result = JuryResult.NotValidated, UnitsNow = [1], UnitsBefore = [1], Observations = "Rien de nouveau." }));
        Assert.Null(JuryDeliberationRules.WhyNotRecord(Total() with { Result = JuryResult.Absent, UnitsNow = [], Observations = "Ne s'est pas présenté." }));
    }

    [Fact]
    public void After_the_minutes_are_locked_only_a_motivated_correction_changes_a_decision()
    {
        var locked = Total() with { MinutesLocked = true };
        Assert.Contains("motif de la correction", JuryDeliberationRules.WhyNotCorrect(locked, " "));
        Assert.Null(JuryDeliberationRules.WhyNotCorrect(locked, "Erreur de saisie sur l'unité 2."));
        Assert.Contains("toutes les unités", JuryDeliberationRules.WhyNotCorrect(locked with { UnitsNow = [1] }, "Erreur de saisie."));
        Assert.Contains("pas encore verrouillé", JuryDeliberationRules.WhyNotCorrect(Total(), "Erreur de saisie."));
    }

    [Fact]
    public void The_units_validated_before_are_not_counted_as_new() =>
        Assert.Equal([2], JuryDeliberationRules.NewUnits(Total() with { UnitsNow = [1, 2], UnitsBefore = [1] }));
}

public class JuryMinutesRulesTests
{
    [Fact]
    public void A_member_signs_once_every_convened_candidate_has_a_decision()
    {
        Assert.Null(JuryMinutesRules.WhyNotSign(isMember: true, alreadySigned: false, locked: false, sat: true, convenedWithoutDecision: 0));
        Assert.Contains("chaque candidat convoqué (2 sans décision)", JuryMinutesRules.WhyNotSign(true, false, false, true, 2));
    }

    [Fact]
    public void Nobody_signs_twice_nor_before_the_jury_nor_without_being_a_member()
    {
        Assert.Contains("déjà signé", JuryMinutesRules.WhyNotSign(true, true, false, true, 0));
        Assert.Contains("une fois le jury tenu", JuryMinutesRules.WhyNotSign(true, false, false, false, 0));
        Assert.Contains("Seuls les membres", JuryMinutesRules.WhyNotSign(false, false, false, true, 0));
        Assert.Contains("déjà signé par tous", JuryMinutesRules.WhyNotSign(true, false, true, true, 0));
    }

    [Fact]
    public void The_minutes_are_locked_when_every_member_has_signed()
    {
        Assert.False(JuryMinutesRules.IsComplete(["a", "b"], ["a"]));
        Assert.True(JuryMinutesRules.IsComplete(["a", "b"], ["b", "a"]));
        Assert.False(JuryMinutesRules.IsComplete([], []));
    }

    [Fact]
    public void The_president_is_one_of_the_members_and_the_jury_stays_as_it_signed()
    {
        Assert.Null(JuryMinutesRules.WhyNotDesignatePresident(isMember: true, locked: false));
        Assert.Contains("parmi les membres", JuryMinutesRules.WhyNotDesignatePresident(false, false));
        Assert.Contains("verrouillé", JuryMinutesRules.WhyNotDesignatePresident(true, true));
        Assert.Contains("verrouillé", JuryMinutesRules.WhyNotChangeMembers(true));
        Assert.Null(JuryMinutesRules.WhyNotChangeMembers(false));
    }
}
