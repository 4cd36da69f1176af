namespace CqpPortal.Domain.Records;

/// <summary>
/// The columns of an import file, in order, with their French headers (issue 6). The headers are matched whatever
/// their case, accents or apostrophes (French Excel turns ' into ’), and in any order.
/// </summary>
public sealed class RecordTemplate(string name, string fileName, IReadOnlyList<string> columns, IReadOnlyList<string>? optionalColumns = null)
{
    /// <summary>What staff call it ("candidats", "enquêtes").</summary>
    public string Name { get; } = name;

    /// <summary>The downloadable template's file name without extension.</summary>
    public string FileName { get; } = fileName;

    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>
    /// Columns a file may leave out (added after files were made without them, so older files still import), or carry
    /// though no import reads them (the answers file's « Canal »): recognised, never required.
    /// </summary>
    public IReadOnlyList<string> OptionalColumns { get; } = optionalColumns ?? [];

    /// <summary>Where each column is in the file's header row, or an issue per missing, unknown or repeated column.</summary>
    public (IReadOnlyDictionary<string, int> Positions, IReadOnlyList<RecordIssue> Errors) Locate(IReadOnlyList<string> headers)
    {
        var known = Columns.Union(OptionalColumns).ToDictionary(RecordText.Key, c => c);
        var positions = new Dictionary<string, int>();
        var errors = new List<RecordIssue>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i]?.Trim() ?? "";
            if (header.Length == 0) continue;
            if (!known.TryGetValue(RecordText.Key(header), out var column))
                errors.Add(new RecordIssue(1, header, header, "Colonne inconnue : les colonnes du modèle sont " + string.Join(" ; ", Columns) + "."));
            else if (!positions.TryAdd(column, i))
                errors.Add(new RecordIssue(1, column, header, "Colonne en double."));
        }
        errors.AddRange(Columns.Except(OptionalColumns).Where(c => !positions.ContainsKey(c)).Select(c => new RecordIssue(1, c, "", "Colonne manquante dans la ligne d'en-tête.")));
        return (positions, errors);
    }
}

/// <summary>The two import templates of the portal.</summary>
public static class RecordTemplates
{
    public const string LastName = "Nom";
    public const string FirstName = "Prénom";
    public const string BirthDate = "Date de naissance";
    public const string CertifiedOn = "Date d'obtention";

    /// <summary>Candidates with their registration, admissibility and jury, as the organisation recorded them.</summary>
    public static readonly RecordTemplate Candidates = new("candidats", "modele-import-candidats",
    [
        LastName, FirstName, BirthDate, CandidateColumns.Sex, CandidateColumns.Email, CandidateColumns.EducationLevel,
        CandidateColumns.HighestDiploma, CandidateColumns.TeleSecretaryMonths, CandidateColumns.PhoneJobMonths,
        CandidateColumns.PhoneTimeShare, CandidateColumns.PhoneJobKind, CandidateColumns.Sectors, CandidateColumns.Status,
        CandidateColumns.Employer, CandidateColumns.Route, CandidateColumns.Funding, CandidateColumns.Region,
        CandidateColumns.RegisteredOn, CandidateColumns.Admissibility, CandidateColumns.JuryOn, CandidateColumns.JuryResult,
        CandidateColumns.ValidatedUnits, CertifiedOn,
    ]);

    /// <summary>Holders' answers to the 6- and 24-month surveys.</summary>
    public static readonly RecordTemplate Surveys = new("enquêtes", "modele-import-enquetes",
    [
        LastName, FirstName, BirthDate, CertifiedOn, SurveyColumns.Wave, SurveyColumns.RespondedOn, SurveyColumns.Situation,
        SurveyColumns.Contract, SurveyColumns.Sector, SurveyColumns.JobTitle, SurveyColumns.TrainingLevel, SurveyColumns.NsfCode,
        SurveyColumns.Company,
    ], [SurveyColumns.Company, SurveyColumns.Channel]);
}

public static class CandidateColumns
{
    public const string Sex = "Sexe";
    public const string Email = "Email";
    public const string EducationLevel = "Niveau de formation";
    public const string HighestDiploma = "Diplôme le plus élevé";
    public const string TeleSecretaryMonths = "Expérience télésecrétariat (mois)";
    public const string PhoneJobMonths = "Expérience téléphonique (mois)";
    public const string PhoneTimeShare = "Part du temps au téléphone (%)";
    public const string PhoneJobKind = "Type de poste téléphonique";
    public const string Sectors = "Secteurs d'expérience";
    public const string Status = "Statut";
    public const string Employer = "Entreprise";
    public const string Route = "Voie";
    public const string Funding = "Financement";
    public const string Region = "Région";
    public const string RegisteredOn = "Date d'inscription";
    public const string Admissibility = "Recevabilité";
    public const string JuryOn = "Date du jury";
    public const string JuryResult = "Résultat du jury";
    public const string ValidatedUnits = "Unités validées";
}

public static class SurveyColumns
{
    public const string Wave = "Vague";
    public const string RespondedOn = "Date de réponse";
    public const string Situation = "Situation";
    public const string Contract = "Statut du contrat";
    public const string Sector = "Secteur";
    public const string JobTitle = "Emploi occupé";
    public const string TrainingLevel = "Niveau de la formation suivie";
    public const string NsfCode = "Code NSF";

    /// <summary>The seed's questionnaire asks « Entreprise »; optional, so files made before it still import.</summary>
    public const string Company = "Entreprise";

    /// <summary>How the answer came (the answers file for SIST); read by no import: an imported answer came by import.</summary>
    public const string Channel = "Canal";
}
