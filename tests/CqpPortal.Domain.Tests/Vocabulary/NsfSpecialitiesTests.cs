using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Vocabulary;

public class NsfSpecialitiesTests
{
    [Fact]
    public void The_list_holds_the_speciality_groups_from_100_to_346_once_each_with_a_French_label()
    {
        var codes = NsfSpecialities.All.Select(s => s.Code).ToList();
        Assert.Equal(84, codes.Count); // 26 disciplinary, 30 production and 28 services groups
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(100, codes.Min());
        Assert.Equal(346, codes.Max());
        Assert.All(NsfSpecialities.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Label)));
        Assert.Equal("Secrétariat, bureautique", NsfSpecialities.All.Single(s => s.Code == 324).Label);
    }

    [Fact]
    public void Every_speciality_belongs_to_a_named_two_digit_group()
    {
        Assert.All(NsfSpecialities.All, s => Assert.True(NsfSpecialities.Groups.ContainsKey(s.GroupCode), $"{s.Code} has no group"));
        Assert.Equal("32 – Communication et information", NsfSpecialities.GroupLabel(32));
    }

    [Theory]
    [InlineData("324", true)]
    [InlineData("324t", true)]
    [InlineData(" 324T ", true)]
    [InlineData("100", true)]
    [InlineData("346", true)]
    [InlineData("999", false)]
    [InlineData("347", false)]
    [InlineData("119", false)]
    [InlineData("410", false)]
    [InlineData("32", false)]
    [InlineData("324tt", false)]
    [InlineData("3245", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_code_is_valid_when_its_three_digits_are_a_listed_speciality_followed_at_most_by_a_letter(string? code, bool valid)
    {
        Assert.Equal(valid, NsfSpecialities.IsValid(code));
    }

    [Fact]
    public void The_survey_refuses_an_NSF_code_outside_the_nomenclature_and_accepts_a_listed_one()
    {
        var answer = new SurveyAnswer(HolderSituation.InTraining, null, null, null, 5, "999");
        Assert.Contains(SurveyAnswerRules.Check(answer), p => p.Field == nameof(SurveyAnswer.NsfCode));
        Assert.Empty(SurveyAnswerRules.Check(answer with { NsfCode = "324t" }));
    }
}
