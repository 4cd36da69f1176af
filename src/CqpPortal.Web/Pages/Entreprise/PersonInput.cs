using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Companies;

namespace CqpPortal.Web.Pages.Entreprise;

/// <summary>The person a manager invites or pre-registers: a name and an e-mail, nothing more.</summary>
public sealed class PersonInput
{
    [Required(ErrorMessage = "Saisissez le prénom.")]
    [StringLength(100, ErrorMessage = "Le prénom ne peut dépasser 100 caractères.")]
    public string FirstName { get; set; } = "";

    [Required(ErrorMessage = "Saisissez le nom.")]
    [StringLength(100, ErrorMessage = "Le nom ne peut dépasser 100 caractères.")]
    public string LastName { get; set; } = "";

    [Required(ErrorMessage = "Saisissez l'adresse électronique.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
    [StringLength(256, ErrorMessage = "L'adresse ne peut dépasser 256 caractères.")]
    public string Email { get; set; } = "";

    public PersonInvited ToPerson() => new(FirstName, LastName, Email);
}
