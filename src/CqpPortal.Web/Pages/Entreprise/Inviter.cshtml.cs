using CqpPortal.Web.Companies;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace CqpPortal.Web.Pages.Entreprise;

/// <summary>An approved manager invites a colleague as another manager of the same company.</summary>
public class InviteManagerModel(CompanyInvitations invitations, UserManager<PortalUser> users) : CompanyInvitationPage(invitations, users)
{
    protected override Task SendAsync(string managerUserId, int companyId, Func<string, string, string> activationLink) =>
        Invitations.InviteManagerAsync(managerUserId, companyId, Input.ToPerson(), activationLink);

    protected override string Confirmation(string email) => $"Invitation envoyée à {email}.";
}
