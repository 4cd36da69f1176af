using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Surveys;

public class SurveyAnswerRulesTests
{
    private static SurveyAnswer Employed(EmploymentContract? contract = EmploymentContract.Cdi, EmploymentSector? sector = EmploymentSector.Branch, string? job = "Télésecrétaire médicale") =>
        new(HolderSituation.Employed, contract, sector, job, null, null);

    [Fact]
    public void A_complete_employed_answer_is_accepted() => Assert.Empty(SurveyAnswerRules.Check(Employed()));

    [Fact]
    public void An_answer_without_situation_is_refused_in_french()
    {
        var problem = Assert.Single(SurveyAnswerRules.Check(new SurveyAnswer(null, null, null, null, null, null)));
        Assert.Equal(("Situation", "Indiquez votre situation actuelle."), problem);
    }

    [Fact]
    public void Employed_holders_give_contract_sector_and_job()
    {
        var fields = SurveyAnswerRules.Check(Employed(null, null, "  ")).Select(p => p.Field).ToList();
        Assert.Equal(["Contract", "Sector", "JobTitle"], fields);
        Assert.Contains(SurveyAnswerRules.Check(Employed(job: new string('x', 121))), p => p.Field == "JobTitle");
        Assert.Empty(SurveyAnswerRules.Check(Employed(job: new string('x', 120))));
    }

    [Theory]
    [InlineData(null, null, "TrainingLevel")]
    [InlineData(0, null, "TrainingLevel")]
    [InlineData(2, null, "TrainingLevel")]
    [InlineData(9, null, "TrainingLevel")]
    [InlineData(4, "32", "NsfCode")]
    [InlineData(4, "324tt", "NsfCode")]
    [InlineData(4, "abc", "NsfCode")]
    public void Holders_in_training_give_a_level_from_3_to_8_and_an_optional_nsf_code(int? level, string? nsf, string badField) =>
        Assert.Contains(SurveyAnswerRules.Check(new SurveyAnswer(HolderSituation.InTraining, null, null, null, level, nsf)), p => p.Field == badField);

    [Theory]
    [InlineData(3, null)]
    [InlineData(8, "324")]
    [InlineData(5, " 324T ")]
    public void Valid_training_answers_pass(int level, string? nsf) =>
        Assert.Empty(SurveyAnswerRules.Check(new SurveyAnswer(HolderSituation.InTraining, null, null, null, level, nsf)));

    [Fact]
    public void Only_the_questions_that_apply_are_kept()
    {
        var typed = new SurveyAnswer(HolderSituation.JobSeeker, EmploymentContract.Cdd, EmploymentSector.Branch, "Standardiste", 5, "324");
        Assert.Empty(SurveyAnswerRules.Check(typed));
        Assert.Equal(new SurveyAnswer(HolderSituation.JobSeeker, null, null, null, null, null), SurveyAnswerRules.Normalise(typed));
        Assert.Equal(new SurveyAnswer(HolderSituation.InTraining, null, null, null, 5, "324t"),
            SurveyAnswerRules.Normalise(new SurveyAnswer(HolderSituation.InTraining, EmploymentContract.Cdi, null, "x", 5, " 324T ")));
        Assert.Equal(Employed() with { JobTitle = "Standardiste" }, SurveyAnswerRules.Normalise(Employed(job: " Standardiste ") with { TrainingLevel = 4, NsfCode = "324" }));
    }
}
