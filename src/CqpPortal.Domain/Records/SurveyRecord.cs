using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Records;

/// <summary>One line of the surveys template: a holder's answer to the 6- or 24-month survey.</summary>
public sealed record SurveyRecord
{
    public int Line { get; init; }
    public required string LastName { get; init; }
    public required string FirstName { get; init; }
    public DateOnly BirthDate { get; init; }
    public DateOnly? CertifiedOn { get; init; }
    public SurveyWave Wave { get; init; }
    public DateOnly RespondedOn { get; init; }
    public HolderSituation Situation { get; init; }
    public EmploymentContract? Contract { get; init; }
    public EmploymentSector? Sector { get; init; }
    public string? JobTitle { get; init; }
    public int? TrainingLevel { get; init; }
    public string? NsfCode { get; init; }

    /// <summary>« Entreprise », when the file has the column.</summary>
    public string? Company { get; init; }

    /// <summary>The line in the template's columns and labels (the answers file for SIST), which the import reads back.</summary>
    public IReadOnlyList<string> ToCells() =>
    [
        LastName, FirstName, RecordText.Date(BirthDate), RecordText.Date(CertifiedOn), FrenchLabels.Of(Wave), RecordText.Date(RespondedOn),
        FrenchLabels.Of(Situation), Contract is { } contract ? FrenchLabels.Of(contract) : "", Sector is { } sector ? FrenchLabels.Of(sector) : "",
        JobTitle ?? "", TrainingLevel is { } level ? EducationLevels.Label(level) : "", NsfCode ?? "", Company ?? "",
    ];
}

/// <summary>Reads the surveys template; the holders are matched afterwards, against the database.</summary>
public sealed class SurveyRecordParser
{
    public RecordParseResult<SurveyRecord> Parse(RecordSheet sheet)
    {
        var (positions, headerErrors) = RecordTemplates.Surveys.Locate(sheet.Headers);
        if (headerErrors.Count > 0) return new([], headerErrors, []);
        var errors = new List<RecordIssue>();
        var warnings = new List<RecordIssue>();
        var records = new List<SurveyRecord>();
        var seen = new Dictionary<(string, string, DateOnly, SurveyWave), int>();
        foreach (var line in sheet.Lines.Where(l => !l.IsBlank))
        {
            var before = errors.Count;
            var record = ParseLine(new RecordCells(line, positions, errors), warnings);
            if (errors.Count > before || record is null) continue;
            var key = (RecordText.Key(record.LastName), RecordText.Key(record.FirstName), record.BirthDate, record.Wave);
            if (!seen.TryAdd(key, line.Number))
            {
                errors.Add(new RecordIssue(line.Number, SurveyColumns.Wave, FrenchLabels.Of(record.Wave),
                    $"Ligne en double : même titulaire et même vague que la ligne {seen[key]}."));
                continue;
            }
            records.Add(record);
        }
        return new(errors.Count == 0 ? records : [], errors, warnings);
    }

    private static SurveyRecord? ParseLine(RecordCells cells, List<RecordIssue> warnings)
    {
        var lastName = cells.Text(RecordTemplates.LastName, 100, required: true);
        var firstName = cells.Text(RecordTemplates.FirstName, 100, required: true);
        var birthDate = cells.Date(RecordTemplates.BirthDate, required: true);
        var certifiedOn = cells.Date(RecordTemplates.CertifiedOn);
        var wave = cells.Label(SurveyColumns.Wave, ImportLabels.Wave, required: true);
        var respondedOn = cells.Date(SurveyColumns.RespondedOn, required: true);
        var situation = cells.Label(SurveyColumns.Situation, ImportLabels.Situation, required: true);
        var contract = cells.Label(SurveyColumns.Contract, ImportLabels.Contract);
        var sector = cells.Label(SurveyColumns.Sector, ImportLabels.Sector);
        var job = cells.Text(SurveyColumns.JobTitle, 200);
        var level = cells.Label(SurveyColumns.TrainingLevel, ImportLabels.TrainingLevel);
        var nsf = cells.Text(SurveyColumns.NsfCode, 10);
        var company = cells.Text(SurveyColumns.Company, 200);
        // NSF codes: three digits, sometimes followed by a letter (324, 324t).
        if (nsf is not null && !System.Text.RegularExpressions.Regex.IsMatch(nsf, "^[0-9]{3}[a-zA-Z]?$"))
            cells.Error(SurveyColumns.NsfCode, "Code NSF attendu : trois chiffres, suivis ou non d'une lettre (ex. « 324 » ou « 324t »).");
        if (certifiedOn is { } certified && respondedOn is { } responded && responded < certified)
            cells.Error(SurveyColumns.RespondedOn, "La réponse est antérieure à la date d'obtention.");

        if (lastName is null || firstName is null || birthDate is null || wave is null || respondedOn is null || situation is null) return null;
        var record = new SurveyRecord
        {
            Line = cells.Line, LastName = lastName, FirstName = firstName, BirthDate = birthDate.Value, CertifiedOn = certifiedOn,
            Wave = wave.Value, RespondedOn = respondedOn.Value, Situation = situation.Value, Contract = contract, Sector = sector,
            JobTitle = job, TrainingLevel = level, NsfCode = nsf, Company = company,
        };
        if (situation != HolderSituation.Employed && (contract is not null || sector is not null))
            warnings.Add(new RecordIssue(cells.Line, SurveyColumns.Contract, cells.Raw(SurveyColumns.Contract),
                "Contrat et secteur ne concernent que les titulaires en emploi : les statistiques ne les comptent pas. Importé tel qu'enregistré."));
        return record;
    }
}
