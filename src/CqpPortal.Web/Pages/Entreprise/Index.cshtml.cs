using CqpPortal.Domain.Companies;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Lists;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Entreprise;

/// <summary>
/// A company manager sees the employees of the companies they were approved for, and no one else; of an employee who
/// did not agree to be followed, only the name and that a registration exists (<see cref="EmployeeFollowing"/>). The
/// employees are searched by name and filtered by admissibility state and year of registration, a page at a time, and
/// exported per company.
/// </summary>
public class CompanyHomeModel(CqpDbContext db, UserManager<Identity.PortalUser> users, EmployeeFollowing following, TimeProvider clock) : PageModel
{
    /// <summary>An employee pre-registered by the company who has not sent the registration yet: name and progress only.</summary>
    public sealed record PreRegistrationRow(string Name, CertificationRoute Route, DateTimeOffset Since, bool Activated);
    public sealed record ManagerRow(string Name, string Email, bool Activated);
    public sealed record CompanyView(int Id, string Name, string Siret, ListPage<EmployeeRow> Employees, int EmployeeCount, List<PreRegistrationRow> PreRegistrations, List<ManagerRow> Managers);

    private sealed record CompanyRow(int Id, string Name, string Siret, List<PreRegistrationRow> PreRegistrations, List<ManagerRow> Managers);

    /// <summary>
    /// The filters: <c>etat</c> (admissibility) and <c>annee</c> (of registration) narrow to followed employees only —
    /// of the others the company knows neither, and must not learn them from a filter —, <c>entreprise</c> for an export.
    /// </summary>
    public sealed class Query : ListQuery
    {
        [FromQuery(Name = "etat")] public RegistrationState? State { get; set; }
        [FromQuery(Name = "annee")] public int? Year { get; set; }
        [FromQuery(Name = "entreprise")] public int? CompanyId { get; set; }

        public bool Narrowed => Search is not null || State is not null || Year is not null;
    }

    public static readonly IReadOnlyList<RegistrationState> States =
        [RegistrationState.Submitted, RegistrationState.Incomplete, RegistrationState.Admissible, RegistrationState.NotAdmissible, RegistrationState.Withdrawn, RegistrationState.Expired];

    private static bool Followed(EmployeeRow e) => e.Visibility == EmployeeVisibility.Followed;

    public static readonly IReadOnlyList<ListColumn<EmployeeRow>> Columns =
    [
        new("Salarié", e => e.Name),
        new("Voie", e => Followed(e) ? FrenchLabels.Of(e.Route!.Value) : ""),
        new("Dossier déposé le", e => e.RegisteredOn is { } on ? FrenchFormat.Date(on) : ""),
        new("Recevabilité", e => Followed(e) ? FrenchLabels.Of(e.State!.Value) : "Une inscription existe. Le salarié n'a pas autorisé l'entreprise à suivre son dossier."),
        new("Prochaine convocation", e => !Followed(e) ? "" : e.NextConvocation is { } c ? $"{FrenchLabels.Of(c.Kind)}, {FrenchFormat.DateTime(c.StartsAt)}, {c.PlaceName}, {c.City}" : "—"),
        new("Jury", e => !Followed(e) ? "" : e.Jury is null ? "—" : FrenchLabels.Of(e.Jury.Value)),
    ];

    [BindProperty(SupportsGet = true)]
    public Query Filter { get; set; } = new();

    public List<CompanyView> Companies { get; private set; } = [];

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
        Companies = companies.Select(c =>
        {
            var own = employees.Where(e => e.CompanyId == c.Id).ToList();
            return new CompanyView(c.Id, c.Name, c.Siret, own.Where(Matches).ToList().Page(Filter), own.Count, c.PreRegistrations, c.Managers);
        }).ToList();
    }

    /// <summary>The employees of one of the manager's companies as filtered (all pages); 404 for any other company.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var userId = users.GetUserId(User)!;
        if (Filter.CompanyId is not { } companyId || !await db.CompanyManagers.AnyAsync(m => m.UserId == userId && m.ApprovedAt != null && m.CompanyId == companyId))
            return NotFound();
        var employees = await following.EmployeesAsync(userId);
        return ListExport.File(format, $"salaries-{DayInParis.Today(clock):yyyy-MM-dd}", "Salariés", Columns,
            employees.Where(e => e.CompanyId == companyId).Where(Matches)) ?? NotFound();
    }

    private bool Matches(EmployeeRow e) =>
        (Filter.Search is not { } text || ListSearch.Contains(e.Name, text))
        && (Filter.State is not { } state || (Followed(e) && e.State == state))
        && (Filter.Year is not { } year || (Followed(e) && e.RegisteredOn?.Year == year));
}
