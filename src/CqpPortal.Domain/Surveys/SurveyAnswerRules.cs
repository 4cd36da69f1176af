using System.Text.RegularExpressions;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Surveys;

/// <summary>A holder's answer to a follow-up survey, as typed.</summary>
public sealed record SurveyAnswer(HolderSituation? Situation, EmploymentContract? Contract, EmploymentSector? Sector, string? JobTitle, int? TrainingLevel, string? NsfCode);

/// <summary>
/// What the follow-up survey asks (cahier des charges, « Recueil d'information et suivi des candidats »): the situation;
/// when employed, the contract, the sector (in the branch or not) and the job held; when in training, its level
/// (national nomenclature) and NSF speciality code. Nothing else is kept: questions that do not apply are dropped.
/// </summary>
public static partial class SurveyAnswerRules
{
    /// <summary>Each problem as (field, French message); empty when the answer can be recorded.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(SurveyAnswer answer)
    {
        var problems = new List<(string, string)>();
        switch (answer.Situation)
        {
            case null:
                problems.Add((nameof(SurveyAnswer.Situation), "Indiquez votre situation actuelle."));
                break;
            case HolderSituation.Employed:
                if (answer.Contract is null) problems.Add((nameof(SurveyAnswer.Contract), "Indiquez votre type de contrat."));
                if (answer.Sector is null) problems.Add((nameof(SurveyAnswer.Sector), "Indiquez si votre emploi est dans la branche du télésecrétariat."));
                if (string.IsNullOrWhiteSpace(answer.JobTitle)) problems.Add((nameof(SurveyAnswer.JobTitle), "Indiquez l'emploi que vous occupez."));
                else if (answer.JobTitle.Trim().Length > 120) problems.Add((nameof(SurveyAnswer.JobTitle), "L'intitulé de l'emploi ne peut dépasser 120 caractères."));
                break;
            case HolderSituation.InTraining:
                if (answer.TrainingLevel is null) problems.Add((nameof(SurveyAnswer.TrainingLevel), "Indiquez le niveau de la formation suivie."));
                else if (!EducationLevels.IsValid(answer.TrainingLevel.Value) || answer.TrainingLevel == EducationLevels.None)
                    problems.Add((nameof(SurveyAnswer.TrainingLevel), "Choisissez un niveau de 3 à 8."));
                if (!string.IsNullOrWhiteSpace(answer.NsfCode) && !NsfSpecialities.IsValid(answer.NsfCode))
                    problems.Add((nameof(SurveyAnswer.NsfCode), "Le code NSF s'écrit avec les trois chiffres d'une spécialité de la nomenclature (de 100 à 346), suivis éventuellement d'une lettre (par exemple 324 ou 324t)."));
                break;
        }
        return problems;
    }

    /// <summary>The answer as it is kept: only the questions that apply to the situation.</summary>
    public static SurveyAnswer Normalise(SurveyAnswer answer) => answer.Situation switch
    {
        HolderSituation.Employed => answer with { JobTitle = answer.JobTitle?.Trim(), TrainingLevel = null, NsfCode = null },
        HolderSituation.InTraining => answer with
        {
            Contract = null, Sector = null, JobTitle = null,
            NsfCode = string.IsNullOrWhiteSpace(answer.NsfCode) ? null : answer.NsfCode.Trim().ToLowerInvariant(),
        },
        _ => answer with { Contract = null, Sector = null, JobTitle = null, TrainingLevel = null, NsfCode = null },
    };

    [GeneratedRegex(@"^\d{3}[a-zA-Z]?$")]
    private static partial Regex NsfPattern();
}
