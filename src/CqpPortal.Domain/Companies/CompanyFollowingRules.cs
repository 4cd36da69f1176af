using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Companies;

/// <summary>How much of an employee's file a company manager sees.</summary>
public enum EmployeeVisibility
{
    /// <summary>Nothing, not even the name: not a manager of the employee's company (or not approved yet). Answered as an unknown id.</summary>
    None = 0,

    /// <summary>The name and that a registration exists, nothing else: the employee did not agree (or has not answered).</summary>
    RegistrationExists = 1,

    /// <summary>Convocations (kind, date, place), the admissibility decision and the final jury result: the employee agreed.</summary>
    Followed = 2,
}

/// <summary>
/// Companies in the loop: the candidate says whether the company they name may follow their file, and only then do
/// the company's approved managers see (and get an e-mail for) each convocation, the admissibility decision and the
/// jury result. The question is asked of everyone who names an employer, employees pre-registered by their manager
/// included (the manager cannot answer for them), and the answer can be changed later.
/// </summary>
public static class CompanyFollowingRules
{
    /// <summary>The question as the candidate reads it, on the last step of the form and on their home page.</summary>
    public const string Question = "Mon entreprise peut suivre mon dossier";

    /// <summary>What the company will see, in plain words, beside the question.</summary>
    public const string Explanation =
        "Si vous répondez oui, les responsables de votre entreprise ayant un accès validé au portail verront vos convocations " +
        "(type de session, date et lieu), la décision sur la recevabilité de votre candidature et le résultat du jury, " +
        "et recevront un e-mail à chacune de ces étapes. Si vous répondez non, ils verront seulement qu'une inscription existe à votre nom. " +
        "Vous pourrez changer d'avis à tout moment depuis votre espace candidat.";

    public const string MissingAnswer = "Indiquez si votre entreprise peut suivre votre dossier : oui ou non.";

    /// <summary>
    /// Whether the registration names a company: an employee who gave their employer's name or SIRET, or a candidate
    /// already linked to a company (pre-registered by their manager).
    /// </summary>
    public static bool NamesCompany(EmploymentStatus status, string? employerName, string? employerSiret, bool linkedToCompany) =>
        linkedToCompany || status == EmploymentStatus.Employee && (!string.IsNullOrWhiteSpace(employerName) || !string.IsNullOrWhiteSpace(employerSiret));

    /// <summary>Null when the file can be sent as far as this question goes; otherwise why not, in French.</summary>
    public static string? WhyNotSubmit(bool namesCompany, bool? companyMayFollow) =>
        namesCompany && companyMayFollow is null ? MissingAnswer : null;

    /// <summary>The answer kept with the registration: none when no company is named (nobody to follow it).</summary>
    public static bool? Recorded(bool namesCompany, bool? companyMayFollow) => namesCompany ? companyMayFollow : null;

    /// <summary>
    /// What a user sees of an employee's registration. Only an approved manager of the employee's own company sees
    /// anything; beyond the name, only when the employee said yes. Anyone else gets what an unknown id gets.
    /// </summary>
    public static EmployeeVisibility VisibilityFor(bool approvedManagerOfEmployeesCompany, bool? companyMayFollow) =>
        !approvedManagerOfEmployeesCompany ? EmployeeVisibility.None
        : companyMayFollow == true ? EmployeeVisibility.Followed
        : EmployeeVisibility.RegistrationExists;

    /// <summary>The managers get an e-mail at a convocation, the admissibility decision and the jury result only when the employee agreed.</summary>
    public static bool ManagersAreTold(bool? companyMayFollow) => companyMayFollow == true;

    /// <summary>The line kept in the registration's history when the candidate answers or changes their answer.</summary>
    public static string HistoryComment(bool companyMayFollow) =>
        companyMayFollow ? "Suivi du dossier par l'entreprise : accepté par le candidat" : "Suivi du dossier par l'entreprise : refusé par le candidat";

    /// <summary>The answer as the candidate's home page shows it.</summary>
    public static string AnswerLabel(bool? companyMayFollow) => companyMayFollow switch
    {
        true => "oui",
        false => "non",
        null => "pas encore répondu (votre entreprise voit seulement qu'une inscription existe)",
    };
}
