using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CqpPortal.Web.Pages.Entreprise;

/// <summary>An approved manager pre-registers an employee, who confirms by activating the account from the e-mail.</summary>
public class PreRegisterEmployeeModel(CompanyInvitations invitations, UserManager<PortalUser> users) : CompanyInvitationPage(invitations, users)
{
    [BindProperty]
    [Required(ErrorMessage = "Choisissez la voie d'accès envisagée.")]
    public CertificationRoute? Route { get; set; }

    protected override Task SendAsync(string managerUserId, int companyId, Func<string, string, string> activationLink) =>
        Invitations.PreRegisterEmployeeAsync(managerUserId, companyId, Input.ToPerson(), Route!.Value, activationLink);

    protected override string Confirmation(string email) => $"Pré-inscription envoyée à {email} : votre salarié doit la confirmer depuis l'e-mail reçu.";
}
