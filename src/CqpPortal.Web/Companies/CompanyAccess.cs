using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Companies;

public sealed record AccessRequest(string FirstName, string LastName, string Email, string Password, string Siret, string CompanyName, Region Region);

/// <summary>
/// Company managers ask for access with their establishment's SIRET; staff of the training organisation approve or
/// refuse. Until approved, a manager sees no employee.
/// </summary>
public sealed class CompanyAccess(CqpDbContext db, UserManager<PortalUser> users, IEmailSender email, TimeProvider clock)
{
    /// <summary>Creates the account (to confirm by e-mail) and the pending access; returns Identity's errors if any.</summary>
    public async Task<(PortalUser? User, IEnumerable<IdentityError> Errors)> RequestAsync(AccessRequest request)
    {
        var user = new PortalUser { UserName = request.Email.Trim(), Email = request.Email.Trim(), DisplayName = $"{request.FirstName.Trim()} {request.LastName.Trim()}" };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded) return (null, created.Errors);
        await users.AddToRoleAsync(user, Roles.CompanyManager);
        var siret = Siret.Normalize(request.Siret);
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Siret == siret)
            ?? db.Companies.Add(new Company { Name = request.CompanyName.Trim(), Siret = siret, Region = request.Region }).Entity;
        db.CompanyManagers.Add(new CompanyManager { UserId = user.Id, Company = company });
        await db.SaveChangesAsync();
        return (user, []);
    }

    public async Task<bool> ApproveAsync(int requestId, string staffUserId)
    {
        var request = await db.CompanyManagers.Include(m => m.User).Include(m => m.Company).FirstOrDefaultAsync(m => m.Id == requestId && m.ApprovedAt == null);
        if (request is null) return false;
        request.ApprovedAt = clock.GetUtcNow();
        request.ApprovedByUserId = staffUserId;
        await db.SaveChangesAsync();
        await email.SendAsync(new EmailMessage(request.User!.Email!, "Votre accès entreprise est validé",
            $"Bonjour {request.User.DisplayName},\n\nVotre accès au portail du CQP pour {request.Company!.Name} est validé : vous pouvez suivre l'inscription et le parcours de vos salariés depuis l'espace entreprise."));
        return true;
    }

    public async Task<bool> RefuseAsync(int requestId, string reason)
    {
        var request = await db.CompanyManagers.Include(m => m.User).Include(m => m.Company).FirstOrDefaultAsync(m => m.Id == requestId && m.ApprovedAt == null);
        if (request is null) return false;
        db.CompanyManagers.Remove(request);
        await db.SaveChangesAsync();
        await email.SendAsync(new EmailMessage(request.User!.Email!, "Votre demande d'accès entreprise n'est pas acceptée",
            $"Bonjour {request.User.DisplayName},\n\nVotre demande d'accès pour {request.Company!.Name} (SIRET {request.Company.Siret}) n'a pas été acceptée : {reason}\n\nPour toute question, contactez l'organisme de formation."));
        return true;
    }
}
