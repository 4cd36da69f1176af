using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Training;

public class TrainingPathRulesTests
{
    private static readonly PathSignatures Unsigned = new(null, null, null);
    private static readonly DateTimeOffset Now = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<string> Save(int[] hours, bool allMastered = false, bool confirmed = false, string? reason = null) =>
        TrainingPathRules.WhyNotSave(true, hours.Select((h, i) => new PathUnitPlan(i + 1, h.ToString(), 60, allMastered)).ToList(), 70,
            allMastered, confirmed, reason, null);

    [Fact]
    public void A_path_of_sixty_nine_hours_is_refused()
    {
        var reason = Assert.Single(Save([35, 34]));
        Assert.Contains("69 h", reason);
        Assert.Contains("70 h", reason);
    }

    [Fact]
    public void A_path_of_seventy_hours_is_accepted()
    {
        Assert.Empty(Save([35, 35]));
    }

    [Fact]
    public void Below_seventy_hours_with_every_competence_mastered_and_a_confirmed_reason_is_accepted()
    {
        Assert.Empty(Save([0, 0], allMastered: true, confirmed: true, reason: "Toutes les compétences sont maîtrisées : entraînement aux évaluations seulement."));
    }

    [Fact]
    public void Below_seventy_hours_with_every_competence_mastered_but_no_reason_is_refused()
    {
        Assert.Contains("raison", Assert.Single(Save([0, 0], allMastered: true, confirmed: true, reason: " ")));
        Assert.Contains("raison", Assert.Single(Save([0, 0], allMastered: true, confirmed: false, reason: "Tout est maîtrisé.")));
    }

    [Fact]
    public void A_reason_is_not_enough_when_some_competence_is_not_mastered()
    {
        Assert.Contains("toutes les compétences maîtrisées", Assert.Single(Save([30, 30], allMastered: false, confirmed: true, reason: "Le candidat est pressé.")));
    }

    [Fact]
    public void Hours_above_the_units_maximum_are_refused()
    {
        var reason = TrainingPathRules.WhyNotUnitHours(new PathUnitPlan(2, "61", 60, false));
        Assert.Equal("Unité 2 : 61 h dépassent la durée maximale de l'unité (60 h).", reason);
        Assert.Null(TrainingPathRules.WhyNotUnitHours(new PathUnitPlan(2, "60", 60, false)));
        Assert.Null(TrainingPathRules.WhyNotUnitHours(new PathUnitPlan(2, "200", null, false)));
    }

    [Fact]
    public void Hours_are_whole_numbers_not_below_zero()
    {
        Assert.Contains("entier", TrainingPathRules.WhyNotUnitHours(new PathUnitPlan(1, "12,5", 60, false)));
        Assert.Contains("entier", TrainingPathRules.WhyNotUnitHours(new PathUnitPlan(1, "", 60, false)));
        Assert.Contains("négatif", TrainingPathRules.WhyNotUnitHours(new PathUnitPlan(1, "-3", 60, false)));
    }

    [Fact]
    public void A_unit_may_have_no_hours_only_when_all_its_competences_are_mastered()
    {
        Assert.Null(TrainingPathRules.WhyNotUnitHours(new PathUnitPlan(3, "0", 60, AllMastered: true)));
        Assert.Contains("Unité 3", TrainingPathRules.WhyNotUnitHours(new PathUnitPlan(3, "0", 60, AllMastered: false)));
    }

    [Fact]
    public void A_path_needs_the_centre_positioning_first()
    {
        Assert.Equal([TrainingPathRules.PositioningFirst],
            TrainingPathRules.WhyNotSave(false, [new PathUnitPlan(1, "70", null, false)], 70, false, false, null, null));
    }

    [Fact]
    public void New_paths_propose_the_units_maximum_or_nothing_when_all_is_mastered()
    {
        Assert.Equal(60, TrainingPathRules.DefaultHours(60, allMastered: false));
        Assert.Equal(0, TrainingPathRules.DefaultHours(60, allMastered: true));
    }

    [Fact]
    public void The_company_signs_only_when_the_employee_agreed_to_be_followed()
    {
        Assert.Equal([PathSigner.Candidate, PathSigner.Company, PathSigner.Organisation], TrainingPathRules.RequiredSigners(true, true));
        Assert.Equal([PathSigner.Candidate, PathSigner.Organisation], TrainingPathRules.RequiredSigners(true, false));
        Assert.Equal([PathSigner.Candidate, PathSigner.Organisation], TrainingPathRules.RequiredSigners(true, null));
        Assert.Equal([PathSigner.Candidate, PathSigner.Organisation], TrainingPathRules.RequiredSigners(false, true));
    }

    [Fact]
    public void A_path_is_signed_when_every_required_signature_is_on_it()
    {
        var required = TrainingPathRules.RequiredSigners(true, true);
        Assert.False(TrainingPathRules.IsSigned(required, new PathSignatures(Now, null, Now)));
        Assert.True(TrainingPathRules.IsSigned(required, new PathSignatures(Now, Now, Now)));
        Assert.True(TrainingPathRules.IsSigned(TrainingPathRules.RequiredSigners(false, null), new PathSignatures(Now, null, Now)));
    }

    [Fact]
    public void A_version_with_any_signature_is_never_edited()
    {
        Assert.Contains("nouvelle version", TrainingPathRules.WhyNotEdit(1, false, new PathSignatures(Now, null, null)));
        Assert.NotNull(TrainingPathRules.WhyNotEdit(1, false, new PathSignatures(null, null, Now)));
        Assert.NotNull(TrainingPathRules.WhyNotEdit(1, superseded: true, Unsigned));
        Assert.Null(TrainingPathRules.WhyNotEdit(2, false, Unsigned));
    }

    [Fact]
    public void A_new_version_is_opened_only_from_a_signed_one()
    {
        Assert.NotNull(TrainingPathRules.WhyNotNewVersion(false, Unsigned));
        Assert.NotNull(TrainingPathRules.WhyNotNewVersion(true, Unsigned));
        Assert.Null(TrainingPathRules.WhyNotNewVersion(true, new PathSignatures(Now, null, null)));
    }

    [Fact]
    public void Each_signer_signs_a_current_version_once_and_only_when_asked()
    {
        var required = TrainingPathRules.RequiredSigners(true, false);
        Assert.Null(TrainingPathRules.WhyNotSign(PathSigner.Candidate, required, false, Unsigned));
        Assert.NotNull(TrainingPathRules.WhyNotSign(PathSigner.Candidate, required, false, new PathSignatures(Now, null, null)));
        Assert.NotNull(TrainingPathRules.WhyNotSign(PathSigner.Company, required, false, Unsigned));
        Assert.NotNull(TrainingPathRules.WhyNotSign(PathSigner.Organisation, required, superseded: true, Unsigned));
    }

    [Fact]
    public void Only_admissible_training_route_registrations_have_a_path()
    {
        Assert.Null(TrainingPathRules.WhyNoPath(CertificationRoute.Training, RegistrationState.Admissible));
        Assert.NotNull(TrainingPathRules.WhyNoPath(CertificationRoute.Vae, RegistrationState.Admissible));
        Assert.NotNull(TrainingPathRules.WhyNoPath(CertificationRoute.Training, RegistrationState.Submitted));
    }

    [Fact]
    public void The_reduced_hours_reason_is_kept_only_below_the_minimum()
    {
        Assert.Equal("Tout est maîtrisé.", TrainingPathRules.KeptReason(20, 70, " Tout est maîtrisé. "));
        Assert.Null(TrainingPathRules.KeptReason(70, 70, "Tout est maîtrisé."));
    }
}
