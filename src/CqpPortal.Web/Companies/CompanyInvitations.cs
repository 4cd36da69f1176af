using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Companies;

public sealed record PersonInvited(string FirstName, string LastName, string Email);

/// <summary>How an invitation went. The manager sees the same confirmation whether the address had an account or not.</summary>
public enum InvitationOutcome
{
    /// <summary>The inviting user is not an approved manager of that company: nothing done.</summary>
    NotAllowed,
    /// <summary>A new account was created and its activation link sent.</summary>
    AccountCreated,
    /// <summary>The address already had an account: that person was told by e-mail, nothing else changed.</summary>
    ExistingAccountNotified,
    /// <summary>The address was already invited and has not activated its account yet: a new link was sent.</summary>
    LinkSentAgain,
}

/// <summary>
/// What an approved company manager may do for their company beyond reading: invite a colleague as another manager
/// (approved by the inviter, who vouches for them) and pre-register an employee, who then activates their account
/// from the e-mail, completes the registration form and consents to the privacy notice themselves.
/// Only the employee's name and e-mail are typed by the manager: the rest of the file is the employee's.
/// </summary>
public sealed class CompanyInvitations(CqpDbContext db, UserManager<PortalUser> users, CompanyMailer mailer, TimeProvider clock)
{
    /// <summary>The company, when <paramref name="userId"/> is one of its approved managers; otherwise null.</summary>
    public Task<Company?> ManagedCompanyAsync(string userId, int companyId) =>
        db.CompanyManagers.Where(m => m.UserId == userId && m.CompanyId == companyId && m.ApprovedAt != null)
            .Select(m => m.Company).FirstOrDefaultAsync();

    public async Task<InvitationOutcome> InviteManagerAsync(string inviterUserId, int companyId, PersonInvited person, Func<string, string, string> activationLink)
    {
        var company = await ManagedCompanyAsync(inviterUserId, companyId);
        if (company is null) return InvitationOutcome.NotAllowed;
        var inviter = (await users.FindByIdAsync(inviterUserId))!;
        var existing = await users.FindByEmailAsync(person.Email.Trim());
        if (existing is not null)
        {
            var pendingHere = !existing.EmailConfirmed && await db.CompanyManagers.AnyAsync(m => m.UserId == existing.Id && m.CompanyId == company.Id);
            if (pendingHere)
            {
                await mailer.ManagerInvitedAsync(existing, inviter, company, await CertificationNameAsync(), activationLink);
                return InvitationOutcome.LinkSentAgain;
            }
            var certification = await CertificationNameAsync();
            await mailer.ExistingAccountInvitedAsync(existing, certification, $"{inviter.DisplayName} ({company.Name}) souhaite vous donner accès à l'espace entreprise du portail du {certification}.",
                "Votre adresse est déjà celle d'un compte du portail. Pour suivre les salariés de l'entreprise, faites une demande d'accès entreprise avec le SIRET "
                + company.Siret + " depuis la page « Accès entreprise », ou contactez l'organisme de formation.");
            return InvitationOutcome.ExistingAccountNotified;
        }

        var user = await CreateInactiveAccountAsync(person, Roles.CompanyManager);
        db.CompanyManagers.Add(new CompanyManager { UserId = user.Id, CompanyId = company.Id, ApprovedAt = clock.GetUtcNow(), ApprovedByUserId = inviterUserId });
        await db.SaveChangesAsync();
        await mailer.ManagerInvitedAsync(user, inviter, company, await CertificationNameAsync(), activationLink);
        return InvitationOutcome.AccountCreated;
    }

    public async Task<InvitationOutcome> PreRegisterEmployeeAsync(string managerUserId, int companyId, PersonInvited person, CertificationRoute route, Func<string, string, string> activationLink)
    {
        var company = await ManagedCompanyAsync(managerUserId, companyId);
        if (company is null) return InvitationOutcome.NotAllowed;
        var manager = (await users.FindByIdAsync(managerUserId))!;
        var existing = await users.FindByEmailAsync(person.Email.Trim());
        if (existing is not null)
        {
            var pendingHere = !existing.EmailConfirmed && await db.Candidates.AnyAsync(c => c.UserId == existing.Id && c.CompanyId == company.Id);
            if (pendingHere)
            {
                await mailer.EmployeePreRegisteredAsync(existing, manager, company, await CertificationNameAsync(), activationLink);
                return InvitationOutcome.LinkSentAgain;
            }
            var certification = await CertificationNameAsync();
            await mailer.ExistingAccountInvitedAsync(existing, certification, $"{manager.DisplayName} ({company.Name}) souhaite vous inscrire au {certification}.",
                "Votre adresse est déjà celle d'un compte du portail : connectez-vous et remplissez le bulletin d'inscription depuis votre espace candidat, en indiquant le SIRET "
                + company.Siret + " de votre employeur.");
            return InvitationOutcome.ExistingAccountNotified;
        }

        var user = await CreateInactiveAccountAsync(person, Roles.Candidate);
        var certificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var candidate = new Candidate
        {
            UserId = user.Id, Email = user.Email!, FirstName = person.FirstName.Trim(), LastName = person.LastName.Trim(),
            CompanyId = company.Id, Region = company.Region,
        };
        candidate.Registrations.Add(new Registration
        {
            CertificationId = certificationId, State = RegistrationState.Draft, Route = route, Region = company.Region,
            EmploymentStatus = EmploymentStatus.Employee, EmployerName = company.Name, EmployerSiret = company.Siret,
        });
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();
        await mailer.EmployeePreRegisteredAsync(user, manager, company, await CertificationNameAsync(), activationLink);
        return InvitationOutcome.AccountCreated;
    }

    /// <summary>An account that cannot sign in until its owner opens the link of the e-mail and chooses a password.</summary>
    private async Task<PortalUser> CreateInactiveAccountAsync(PersonInvited person, string role)
    {
        var address = person.Email.Trim();
        var user = new PortalUser { UserName = address, Email = address, DisplayName = $"{person.FirstName.Trim()} {person.LastName.Trim()}" };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>The certification a company's people are invited to: the portal's first (and today only) one.</summary>
    private async Task<string> CertificationNameAsync() => (await db.Certifications.OrderBy(c => c.Id).FirstAsync()).Name;
}
