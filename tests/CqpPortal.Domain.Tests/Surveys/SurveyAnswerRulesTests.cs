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
    public void Employed_holders_give_contract_sector_and_their_job_when_in_the_branch()
    {
        var fields = SurveyAnswerRules.Check(Employed(null, null, "  ")).Select(p => p.Field).ToList();
        Assert.Equal(["Contract", "Sector"], fields);
        Assert.Equal("JobTitle", Assert.Single(SurveyAnswerRules.Check(Employed(job: "  "))).Field);
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
    public void The_job_is_optional_for_an_employee_outside_the_branch_and_the_company_is_optional_up_to_200_characters()
    {
        Assert.Empty(SurveyAnswerRules.Check(Employed(sector: EmploymentSector.OtherBranch, job: null)));
        Assert.Empty(SurveyAnswerRules.Check(Employed() with { Company = new string('x', 200) }));
        var problem = Assert.Single(SurveyAnswerRules.Check(Employed() with { Company = new string('x', 201) }));
        Assert.Equal(("Company", "Le nom de l'entreprise ne peut dépasser 200 caractères."), problem);
    }

    [Fact]
    public void A_job_seeker_who_gives_a_contract_a_sector_a_job_or_a_company_is_refused_field_by_field_in_french()
    {
        var typed = new SurveyAnswer(HolderSituation.JobSeeker, EmploymentContract.Cdd, EmploymentSector.Branch, "Standardiste", null, null, "Cabinet Dupont");
        var problems = SurveyAnswerRules.Check(typed);
        Assert.Equal(["Contract", "Sector", "JobTitle", "Company"], problems.Select(p => p.Field));
        Assert.StartsWith("Vous avez indiqué être demandeur d'emploi : le type de contrat ne concerne que les titulaires en emploi.", problems[0].Message);
    }

    [Fact]
    public void An_employee_who_gives_a_training_level_or_an_nsf_code_is_refused()
    {
        var fields = SurveyAnswerRules.Check(Employed() with { TrainingLevel = 4, NsfCode = "324" }).Select(p => p.Field);
        Assert.Equal(["TrainingLevel", "NsfCode"], fields);
    }

    [Fact]
    public void A_holder_in_training_who_gives_a_contract_is_refused_and_blank_fields_are_not_answers()
    {
        Assert.Equal("Contract", Assert.Single(SurveyAnswerRules.Check(new SurveyAnswer(HolderSituation.InTraining, EmploymentContract.Cdi, null, null, 5, null))).Field);
        Assert.Empty(SurveyAnswerRules.Check(new SurveyAnswer(HolderSituation.Other, null, null, "  ", null, " ", "")));
    }

    [Fact]
    public void Normalise_trims_what_is_kept_and_keeps_only_the_questions_that_apply()
    {
        Assert.Equal(new SurveyAnswer(HolderSituation.JobSeeker, null, null, null, null, null), SurveyAnswerRules.Normalise(new SurveyAnswer(HolderSituation.JobSeeker, null, null, " ", null, "", " ")));
        Assert.Equal(new SurveyAnswer(HolderSituation.InTraining, null, null, null, 5, "324t"),
            SurveyAnswerRules.Normalise(new SurveyAnswer(HolderSituation.InTraining, null, null, null, 5, " 324T ")));
        Assert.Equal(Employed() with { JobTitle = "Standardiste", Company = "Cabinet Dupont" },
            SurveyAnswerRules.Normalise(Employed(job: " Standardiste ") with { Company = " Cabinet Dupont " }));
        Assert.Null(SurveyAnswerRules.Normalise(Employed() with { Company = "  " }).Company);
    }

    [Fact]
    public void An_answer_typed_by_staff_is_dated_the_day_it_was_given_between_the_due_date_and_today()
    {
        var (due, today) = (new DateOnly(2026, 6, 2), new DateOnly(2026, 7, 15));

        Assert.Empty(SurveyAnswerRules.CheckReceivedOn(due, due, today));
        Assert.Empty(SurveyAnswerRules.CheckReceivedOn(today, due, today));
        Assert.Contains("Indiquez le jour de la réponse", Assert.Single(SurveyAnswerRules.CheckReceivedOn(null, due, today)).Message);
        Assert.Contains("après aujourd'hui", Assert.Single(SurveyAnswerRules.CheckReceivedOn(today.AddDays(1), due, today)).Message);
        var early = Assert.Single(SurveyAnswerRules.CheckReceivedOn(due.AddDays(-1), due, today));
        Assert.Equal("ReceivedOn", early.Field);
        Assert.Contains("02/06/2026", early.Message);
    }
}
