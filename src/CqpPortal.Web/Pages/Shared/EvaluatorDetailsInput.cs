using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Evaluations;

namespace CqpPortal.Web.Pages.Shared;

/// <summary>The evaluator's name, e-mail, phone and organisation, as typed in the register's forms (SIST and staff).</summary>
public sealed class EvaluatorDetailsInput
{
    [Required(ErrorMessage = "Indiquez le nom et le prénom de l'évaluateur.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Indiquez l'adresse électronique de l'évaluateur.")]
    [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide.")]
    [StringLength(256, ErrorMessage = "256 caractères au plus.")]
    public string? Email { get; set; }

    [StringLength(30, ErrorMessage = "30 caractères au plus.")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "Indiquez l'organisme ou l'entreprise de l'évaluateur.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Organisation { get; set; }

    public EvaluatorDetails ToDetails() => new(FullName!, Email!, Phone, Organisation!);

    public static EvaluatorDetailsInput From(EvaluatorDetails d) => new() { FullName = d.FullName, Email = d.Email, Phone = d.Phone, Organisation = d.Organisation };
}
