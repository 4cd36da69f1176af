using System.Text.RegularExpressions;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Surveys;

/// <summary>A holder's answer to a follow-up survey, as typed.</summary>
public sealed record SurveyAnswer(HolderSituation? Situation, EmploymentContract? Contract, EmploymentSector? Sector, string? JobTitle, int? TrainingLevel, string? NsfCode, string? Company = null);

/// <summary>
/// What the follow-up survey asks (cahier des charges, « Recueil d'information et suivi des candidats »): the situation;
/// when employed, the contract, the sector (in the branch or not), the job held (asked when in the branch: « si dans la
/// Branche indication de l'emploi effectif »; optional otherwise) and the company (« Entreprise », optional); when in
/// training, its level (national nomenclature) and NSF speciality code. An answer to a question that does not apply to
/// the situation (a contract for a job seeker) is contradictory: it is refused, not silently dropped.
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
                if (answer.Sector is null) problems.Add((nameof(SurveyAnswer.Sector), "Indiquez si votre emploi est dans la branche ou dans une autre branche."));
                if (string.IsNullOrWhiteSpace(answer.JobTitle))
                {
                    if (answer.Sector == EmploymentSector.Branch) problems.Add((nameof(SurveyAnswer.JobTitle), "Indiquez l'emploi que vous occupez."));
                }
                else if (answer.JobTitle.Trim().Length > JobTitleMaxLength) problems.Add((nameof(SurveyAnswer.JobTitle), $"L'intitulé de l'emploi ne peut dépasser {JobTitleMaxLength} caractères."));
                if (answer.Company?.Trim().Length > CompanyMaxLength) problems.Add((nameof(SurveyAnswer.Company), $"Le nom de l'entreprise ne peut dépasser {CompanyMaxLength} caractères."));
                break;
            case HolderSituation.InTraining:
                if (answer.TrainingLevel is null) problems.Add((nameof(SurveyAnswer.TrainingLevel), "Indiquez le niveau de la formation suivie."));
                else if (!EducationLevels.IsValid(answer.TrainingLevel.Value) || answer.TrainingLevel == EducationLevels.None)
                    problems.Add((nameof(SurveyAnswer.TrainingLevel), "Choisissez un niveau de 3 à 8."));
                if (!string.IsNullOrWhiteSpace(answer.NsfCode) && !NsfSpecialities.IsValid(answer.NsfCode))
                    problems.Add((nameof(SurveyAnswer.NsfCode), "Le code NSF s'écrit avec les trois chiffres d'une spécialité de la nomenclature (de 100 à 346), suivis éventuellement d'une lettre (par exemple 324 ou 324t)."));
                break;
        }
        if (answer.Situation is { } situation) problems.AddRange(Contradictions(answer, situation));
        return problems;
    }

    public const int JobTitleMaxLength = 120;
    public const int CompanyMaxLength = 200;

    /// <summary>The questions answered although the situation does not ask them: a contract for a job seeker, a training level for an employee.</summary>
    private static IEnumerable<(string, string)> Contradictions(SurveyAnswer answer, HolderSituation situation)
    {
        var label = situation switch
        {
            HolderSituation.Employed => "en emploi",
            HolderSituation.JobSeeker => "demandeur d'emploi",
            HolderSituation.InTraining => "en formation",
            _ => "dans une autre situation",
        };
        if (situation != HolderSituation.Employed)
        {
            const string employment = "ne concerne que les titulaires en emploi";
            if (answer.Contract is not null) yield return (nameof(SurveyAnswer.Contract), $"Vous avez indiqué être {label} : le type de contrat {employment}. Retirez-le ou corrigez votre situation.");
            if (answer.Sector is not null) yield return (nameof(SurveyAnswer.Sector), $"Vous avez indiqué être {label} : la branche de l'emploi {employment}. Retirez-la ou corrigez votre situation.");
            if (!string.IsNullOrWhiteSpace(answer.JobTitle)) yield return (nameof(SurveyAnswer.JobTitle), $"Vous avez indiqué être {label} : l'emploi occupé {employment}. Effacez-le ou corrigez votre situation.");
            if (!string.IsNullOrWhiteSpace(answer.Company)) yield return (nameof(SurveyAnswer.Company), $"Vous avez indiqué être {label} : l'entreprise {employment}. Effacez-la ou corrigez votre situation.");
        }
        if (situation != HolderSituation.InTraining)
        {
            const string training = "ne concerne que les titulaires en formation";
            if (answer.TrainingLevel is not null) yield return (nameof(SurveyAnswer.TrainingLevel), $"Vous avez indiqué être {label} : le niveau de formation {training}. Retirez-le ou corrigez votre situation.");
            if (!string.IsNullOrWhiteSpace(answer.NsfCode)) yield return (nameof(SurveyAnswer.NsfCode), $"Vous avez indiqué être {label} : le code NSF {training}. Effacez-le ou corrigez votre situation.");
        }
    }

    /// <summary>
    /// The day an answer typed by staff was given (the phone call, the date on the paper form), which is the day the
    /// statistics count it: required, not after today, not before the survey's due date (it was not asked before).
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> CheckReceivedOn(DateOnly? receivedOn, DateOnly dueOn, DateOnly today)
    {
        const string field = "ReceivedOn";
        if (receivedOn is not { } day) return [(field, "Indiquez le jour de la réponse : celui de l'appel ou la date du questionnaire papier.")];
        if (day > today) return [(field, "Le jour de la réponse ne peut pas être après aujourd'hui.")];
        if (day < dueOn) return [(field, $"Le jour de la réponse ne peut pas précéder l'échéance de l'enquête ({dueOn:dd/MM/yyyy}) : elle n'avait pas encore été posée.")];
        return [];
    }

    /// <summary>The answer as it is kept: only the questions that apply to the situation.</summary>
    public static SurveyAnswer Normalise(SurveyAnswer answer) => answer.Situation switch
    {
        HolderSituation.Employed => answer with { JobTitle = Trimmed(answer.JobTitle), Company = Trimmed(answer.Company), TrainingLevel = null, NsfCode = null },
        HolderSituation.InTraining => answer with
        {
            Contract = null, Sector = null, JobTitle = null, Company = null,
            NsfCode = string.IsNullOrWhiteSpace(answer.NsfCode) ? null : answer.NsfCode.Trim().ToLowerInvariant(),
        },
        _ => answer with { Contract = null, Sector = null, JobTitle = null, Company = null, TrainingLevel = null, NsfCode = null },
    };

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^\d{3}[a-zA-Z]?$")]
    private static partial Regex NsfPattern();
}
