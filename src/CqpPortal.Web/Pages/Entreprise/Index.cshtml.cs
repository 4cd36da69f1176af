using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Entreprise;

/// <summary>
/// A company manager sees the employees of the companies they were approved for, and no one else; of an employee who
/// did not agree to be followed, only the name and that a registration exists (<see cref="EmployeeFollowing"/>).
/// </summary>
public class CompanyHomeModel(CqpDbContext db, UserManager<Identity.PortalUser> users, EmployeeFollowing following) : PageModel
{
    /// <summary>An employee pre-registered by the company who has not sent the registration yet: name and progress only.</summary>
    public sealed record PreRegistrationRow(string Name, CertificationRoute Route, DateTimeOffset Since, bool Activated);
    public sealed record ManagerRow(string Name, string Email, bool Activated);
    public sealed record CompanyView(int Id, string Name, string Siret, List<EmployeeRow> Employees, List<PreRegistrationRow> PreRegistrations, List<ManagerRow> Managers);

    public List<CompanyView> Companies { get; private set; } = [];

    private sealed record CompanyRow(int Id, string Name, string Siret, List<PreRegistrationRow> PreRegistrations, List<ManagerRow> Managers);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        var userId = users.GetUserId(User)!;
        var employees = await following.EmployeesAsync(userId);
        var companies = await db.CompanyManagers
            .Where(m => m.UserId == userId && m.ApprovedAt != null)
            .Select(m => new CompanyRow(m.Company!.Id, m.Company.Name, m.Company.Siret,
                m.Company.Employees.SelectMany(c => c.Registrations)
                    .Where(r => r.State == RegistrationState.Draft && r.RegisteredOn == null)
                    .OrderBy(r => r.Candidate!.LastName)
                    .Select(r => new PreRegistrationRow(r.Candidate!.FirstName + " " + r.Candidate.LastName, r.Route, r.CreatedAt, r.Candidate.User!.EmailConfirmed))
                    .ToList(),
                m.Company.Managers.Where(o => o.ApprovedAt != null).OrderBy(o => o.User!.DisplayName)
                    .Select(o => new ManagerRow(o.User!.DisplayName, o.User.Email!, o.User.EmailConfirmed))
                    .ToList()))
            .ToListAsync();
        Companies = companies.Select(c => new CompanyView(c.Id, c.Name, c.Siret, employees.Where(e => e.CompanyId == c.Id).ToList(), c.PreRegistrations, c.Managers)).ToList();
    }
}
