using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Entreprise;

/// <summary>A company manager sees the employees of the companies they were approved for, and no one else.</summary>
public class CompanyHomeModel(CqpDbContext db, UserManager<Identity.PortalUser> users) : PageModel
{
    public sealed record EmployeeRow(string Name, CertificationRoute Route, DateOnly? RegisteredOn, RegistrationState State, JuryResult? Jury);
    /// <summary>An employee pre-registered by the company who has not sent the registration yet: name and progress only.</summary>
    public sealed record PreRegistrationRow(string Name, CertificationRoute Route, DateTimeOffset Since, bool Activated);
    public sealed record ManagerRow(string Name, string Email, bool Activated);
    public sealed record CompanyView(int Id, string Name, string Siret, List<EmployeeRow> Employees, List<PreRegistrationRow> PreRegistrations, List<ManagerRow> Managers);

    public List<CompanyView> Companies { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

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
                        r.JuryDecisions.AsQueryable().Where(JuryDecision.IsFinal).OrderByDescending(j => j.DecidedOn).Select(j => (JuryResult?)j.Result).FirstOrDefault()))
                    .ToList(),
                m.Company.Employees.SelectMany(c => c.Registrations)
                    .Where(r => r.State == RegistrationState.Draft && r.RegisteredOn == null)
                    .OrderBy(r => r.Candidate!.LastName)
                    .Select(r => new PreRegistrationRow(r.Candidate!.FirstName + " " + r.Candidate.LastName, r.Route, r.CreatedAt, r.Candidate.User!.EmailConfirmed))
                    .ToList(),
                m.Company.Managers.Where(o => o.ApprovedAt != null).OrderBy(o => o.User!.DisplayName)
                    .Select(o => new ManagerRow(o.User!.DisplayName, o.User.Email!, o.User.EmailConfirmed))
                    .ToList()))
            .ToListAsync();
    }
}
