using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Registrations;

/// <summary>
/// The form's « Employeur » block (the company's name and SIRET) concerns employees only: it is asked, required and kept
/// when the situation is « Salarié(e) », and neither asked nor kept otherwise (what was typed before choosing another
/// situation is dropped, so no company is named for a job seeker). The page may hide the block with a script; this rule
/// is what decides.
/// </summary>
public static class EmployerAnswerRules
{
    public const int NameMaxLength = 200;
    public const string NameField = "EmployerName";
    public const string SiretField = "EmployerSiret";

    /// <summary>Whether the block is asked for this situation.</summary>
    public static bool IsAsked(EmploymentStatus? status) => status == EmploymentStatus.Employee;

    /// <summary>Each problem as (field, French message); empty when the answer can be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(EmploymentStatus? status, string? employerName, string? employerSiret)
    {
        if (!IsAsked(status)) return [];
        var problems = new List<(string, string)>();
        var name = employerName?.Trim() ?? "";
        if (name.Length == 0) problems.Add((NameField, "Saisissez le nom de votre employeur."));
        else if (name.Length > NameMaxLength) problems.Add((NameField, $"Le nom de l'entreprise ne peut dépasser {NameMaxLength} caractères."));
        if (!Siret.IsValid(employerSiret)) problems.Add((SiretField, "Saisissez un SIRET valide : 14 chiffres, par exemple 732 829 320 00074."));
        return problems;
    }

    /// <summary>The employer as it is kept: trimmed and normalised for an employee, nothing for anyone else.</summary>
    public static (string? Name, string? Siret) Kept(EmploymentStatus? status, string? employerName, string? employerSiret) =>
        IsAsked(status) ? (employerName?.Trim(), Siret.Normalize(employerSiret)) : (null, null);
}
