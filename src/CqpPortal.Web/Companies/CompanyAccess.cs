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
public sealed class CompanyAccess(CqpDbContext db, UserManager<PortalUser> users, CompanyMailer mailer, TimeProvider clock)
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
        await mailer.AccessApprovedAsync(request.User!, request.Company!);
        return true;
    }

    public async Task<bool> RefuseAsync(int requestId, string reason)
    {
        var request = await db.CompanyManagers.Include(m => m.User).Include(m => m.Company).FirstOrDefaultAsync(m => m.Id == requestId && m.ApprovedAt == null);
        if (request is null) return false;
        db.CompanyManagers.Remove(request);
        await db.SaveChangesAsync();
        await mailer.AccessRefusedAsync(request.User!, request.Company!, reason);
        return true;
    }
}
