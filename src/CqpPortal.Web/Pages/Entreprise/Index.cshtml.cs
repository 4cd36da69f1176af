using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Entreprise;

/// <summary>A company manager sees the employees of the companies they were approved for, and no one else.</summary>
public class CompanyHomeModel(CqpDbContext db, UserManager<Identity.PortalUser> users) : PageModel
{
    public sealed record EmployeeRow(string Name, CertificationRoute Route, DateOnly? RegisteredOn, RegistrationState State, JuryResult? Jury);
    public sealed record CompanyView(int Id, string Name, string Siret, List<EmployeeRow> Employees);

    public List<CompanyView> Companies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = users.GetUserId(User);
        Companies = await db.CompanyManagers
            .Where(m => m.UserId == userId && m.ApprovedAt != null)
            .Select(m => new CompanyView(m.Company!.Id, m.Company.Name, m.Company.Siret,
                m.Company.Employees.SelectMany(c => c.Registrations)
                    .Where(r => r.State != RegistrationState.Draft)
                    .OrderBy(r => r.Candidate!.LastName)
                    .Select(r => new EmployeeRow(r.Candidate!.FirstName + " " + r.Candidate.LastName, r.Route, r.RegisteredOn, r.State,
                        r.JuryDecisions.OrderByDescending(j => j.DecidedOn).Select(j => (JuryResult?)j.Result).FirstOrDefault()))
                    .ToList()))
            .ToListAsync();
    }
}
