using CqpPortal.Domain.Records;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Records;

public class SurveyRecordParserTests
{
    private static readonly SurveyRecordParser Parser = new();

    private static Dictionary<string, string> Good() => new()
    {
        ["Nom"] = "Durand", ["Prénom"] = "Léa", ["Date de naissance"] = "17/05/1990", ["Date d'obtention"] = "20/06/2025",
        ["Vague"] = "6 mois", ["Date de réponse"] = "02/01/2026", ["Situation"] = "En emploi", ["Statut du contrat"] = "CDI",
        ["Secteur"] = "Dans la branche", ["Emploi occupé"] = "Télésecrétaire", ["Niveau de la formation suivie"] = "", ["Code NSF"] = "",
    };

    private static RecordSheet Sheet(params Dictionary<string, string>[] lines) => new(
        RecordTemplates.Surveys.Columns,
        lines.Select((l, i) => new RecordLine(i + 2, RecordTemplates.Surveys.Columns.Select(c => l.GetValueOrDefault(c, "")).ToList())).ToList());

    private static Dictionary<string, string> With(params (string Column, string Value)[] cells)
    {
        var line = Good();
        foreach (var (column, value) in cells) line[column] = value;
        return line;
    }

    [Fact]
    public void A_good_answer_gives_every_field()
    {
        var r = Assert.Single(Parser.Parse(Sheet(Good())).Records);

        Assert.Equal(("Durand", "Léa", new DateOnly(1990, 5, 17), new DateOnly(2025, 6, 20)), (r.LastName, r.FirstName, r.BirthDate, r.CertifiedOn));
        Assert.Equal((SurveyWave.SixMonths, new DateOnly(2026, 1, 2), HolderSituation.Employed), (r.Wave, r.RespondedOn, r.Situation));
        Assert.Equal((EmploymentContract.Cdi, EmploymentSector.Branch, "Télésecrétaire"), (r.Contract, r.Sector, r.JobTitle));
    }

    [Fact]
    public void A_holder_in_training_gives_the_level_and_nsf_code()
    {
        var r = Assert.Single(Parser.Parse(Sheet(With(("Vague", "24 mois"), ("Situation", "En formation"), ("Statut du contrat", ""), ("Secteur", ""),
            ("Emploi occupé", ""), ("Niveau de la formation suivie", "Niveau 5"), ("Code NSF", "324t")))).Records);

        Assert.Equal((SurveyWave.TwentyFourMonths, HolderSituation.InTraining, 5, "324t"), (r.Wave, r.Situation, r.TrainingLevel, r.NsfCode));
    }

    [Theory]
    [InlineData("Vague", "12 mois")]
    [InlineData("Situation", "Retraité")]
    [InlineData("Statut du contrat", "CDD de chantier")]
    [InlineData("Date de réponse", "2026-01-02")]
    [InlineData("Code NSF", "32")]
    [InlineData("Niveau de la formation suivie", "Niveau 9")]
    public void A_cell_that_cannot_be_read_is_an_error(string column, string value)
    {
        var result = Parser.Parse(Sheet(Good(), With((column, value))));

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, column, value), (error.Line, error.Column, error.Value));
        Assert.Empty(result.Records);
    }

    [Fact]
    public void The_same_holder_and_wave_twice_is_an_error()
    {
        var result = Parser.Parse(Sheet(Good(), With(("Nom", "DURAND"), ("Situation", "Autre"))));

        Assert.Equal("Ligne en double : même titulaire et même vague que la ligne 2.", Assert.Single(result.Errors).Why);
    }

    [Fact]
    public void A_contract_left_on_a_job_seekers_answer_is_kept_with_a_warning()
    {
        var result = Parser.Parse(Sheet(With(("Situation", "Demandeur d'emploi"))));

        Assert.Equal(EmploymentContract.Cdi, Assert.Single(result.Records).Contract);
        Assert.Equal("Statut du contrat", Assert.Single(result.Warnings).Column);
    }
}

public class RecordTextTests
{
    [Theory]
    [InlineData("Île-de-France", "ile-de-france")]
    [InlineData("  DEMANDEUR   D’EMPLOI ", "demandeur d'emploi")]
    [InlineData("Demandeur d'emploi", "demandeur d'emploi")]
    [InlineData("Non validé", "non valide")]
    [InlineData("DURAND", "durand")]
    [InlineData("Niveau 4", "niveau 4")]
    [InlineData("a\tb", "a b")]
    [InlineData("", "")]
    public void Keys_ignore_case_accents_apostrophes_and_spaces(string value, string key) => Assert.Equal(key, RecordText.Key(value));
}

public class SurveyTemplateCompanyColumnTests
{
    private static readonly string[] OldColumns = RecordTemplates.Surveys.Columns.Where(c => c != SurveyColumns.Company).ToArray();

    private static RecordSheet Sheet(IReadOnlyList<string> headers, Dictionary<string, string> cells) =>
        new(headers, [new RecordLine(2, headers.Select(h => cells.GetValueOrDefault(h, "")).ToList())]);

    private static Dictionary<string, string> Answer() => new()
    {
        ["Nom"] = "Durand", ["Prénom"] = "Léa", ["Date de naissance"] = "17/05/1990", ["Date d'obtention"] = "20/06/2025",
        ["Vague"] = "6 mois", ["Date de réponse"] = "02/01/2026", ["Situation"] = "En emploi", ["Statut du contrat"] = "CDI",
        ["Secteur"] = "Dans la branche", ["Emploi occupé"] = "Télésecrétaire", ["Entreprise"] = "Allo Secrétariat", ["Canal"] = "Téléphone",
    };

    [Fact]
    public void A_file_made_before_the_company_column_still_imports()
    {
        var parsed = new SurveyRecordParser().Parse(Sheet(OldColumns, Answer()));

        Assert.True(parsed.IsValid);
        Assert.Null(Assert.Single(parsed.Records).Company);
    }

    [Fact]
    public void The_company_is_read_when_the_file_has_it()
    {
        var parsed = new SurveyRecordParser().Parse(Sheet(RecordTemplates.Surveys.Columns, Answer()));

        Assert.Equal("Allo Secrétariat", Assert.Single(parsed.Records).Company);
    }

    [Fact]
    public void The_answers_file_for_sist_with_its_channel_column_imports_back()
    {
        var parsed = new SurveyRecordParser().Parse(Sheet([.. RecordTemplates.Surveys.Columns, SurveyColumns.Channel], Answer()));

        Assert.True(parsed.IsValid);
        Assert.Single(parsed.Records);
    }

    [Fact]
    public void A_required_column_is_still_required()
    {
        var parsed = new SurveyRecordParser().Parse(Sheet(OldColumns.Where(c => c != SurveyColumns.Situation).ToArray(), Answer()));

        Assert.Contains(parsed.Errors, e => e.Column == SurveyColumns.Situation && e.Why.Contains("manquante"));
    }
}

public class SurveyRecordCellsTests
{
    [Fact]
    public void An_answer_written_in_the_template_columns_reads_back_the_same()
    {
        var answer = new SurveyRecord
        {
            Line = 2, LastName = "Durand", FirstName = "Léa", BirthDate = new DateOnly(1990, 5, 17), CertifiedOn = new DateOnly(2025, 6, 20),
            Wave = SurveyWave.TwentyFourMonths, RespondedOn = new DateOnly(2027, 7, 1), Situation = HolderSituation.InTraining,
            TrainingLevel = 5, NsfCode = "324t", Company = "Allo Secrétariat",
        };
        var sheet = new RecordSheet(RecordTemplates.Surveys.Columns, [new RecordLine(2, answer.ToCells())]);

        Assert.Equal(answer, Assert.Single(new SurveyRecordParser().Parse(sheet).Records));
    }
}
