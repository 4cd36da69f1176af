using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests;

public class VocabularyTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(8, true)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(9, false)]
    [InlineData(-1, false)]
    public void Education_levels_are_none_or_3_to_8(int level, bool valid) => Assert.Equal(valid, EducationLevels.IsValid(level));

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(6, true)]
    public void Level_4_or_higher_satisfies_the_accords_niveau_IV(int level, bool satisfies) =>
        Assert.Equal(satisfies, EducationLevels.AtLeastLevel4(level));

    [Fact]
    public void Every_value_has_a_french_label_distinct_from_the_others()
    {
        AssertDistinct(Enum.GetValues<CertificationRoute>().Select(FrenchLabels.Of));
        AssertDistinct(Enum.GetValues<RegistrationState>().Select(FrenchLabels.Of));
        AssertDistinct(Enum.GetValues<JuryResult>().Select(FrenchLabels.Of));
        AssertDistinct(Enum.GetValues<HolderSituation>().Select(FrenchLabels.Of));
        AssertDistinct(Enum.GetValues<EmploymentContract>().Select(FrenchLabels.Of));
        AssertDistinct(Enum.GetValues<Region>().Select(FrenchLabels.Of));
        AssertDistinct(Enum.GetValues<Funding>().Select(FrenchLabels.Of));
        AssertDistinct(EducationLevels.All.Select(EducationLevels.Label));
    }

    [Fact]
    public void Labels_match_the_statistics_import_template()
    {
        Assert.Equal("Candidat libre", FrenchLabels.Of(CertificationRoute.Free));
        Assert.Equal("Validation partielle", FrenchLabels.Of(JuryResult.PartialValidation));
        Assert.Equal("Non salarié", FrenchLabels.Of(EmploymentContract.SelfEmployed));
        Assert.Equal("Sans diplôme", EducationLevels.Label(0));
        Assert.Equal("Île-de-France", FrenchLabels.Of(Region.IleDeFrance));
    }

    private static void AssertDistinct(IEnumerable<string> labels)
    {
        var list = labels.ToList();
        Assert.All(list, l => Assert.False(string.IsNullOrWhiteSpace(l)));
        Assert.Equal(list.Count, list.Distinct().Count());
    }
}
