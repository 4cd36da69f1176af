using CqpPortal.Domain.Companies;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Companies;

/// <summary>An employee's registration as a manager's list shows it: beyond the name, details only when <see cref="Visibility"/> is Followed.</summary>
public sealed record EmployeeRow(int RegistrationId, int CompanyId, string Name, EmployeeVisibility Visibility,
    CertificationRoute? Route, DateOnly? RegisteredOn, RegistrationState? State, JuryResult? Jury, ConvocationView? NextConvocation);

/// <summary>A coming session the employee is convened to (evaluation, VAE situation or jury).</summary>
public sealed record ConvocationView(SessionKind Kind, DateTimeOffset StartsAt, string PlaceName, string Address, string PostalCode, string City);

/// <summary>The admissibility decision: its motive only when the file was refused.</summary>
public sealed record AdmissibilityView(RegistrationState State, DateOnly? DecidedOn, string? RefusalMotive);

public sealed record UnitView(int Number, string Title, bool Validated);

/// <summary>The latest final jury decision (minutes locked, or recorded from paper).</summary>
public sealed record JuryResultView(DateOnly DecidedOn, JuryResult Result, IReadOnlyList<UnitView> Units);

/// <summary>What a manager sees of one employee's registration.</summary>
public sealed record EmployeeFile(int RegistrationId, string Name, string CompanyName, EmployeeVisibility Visibility, CertificationRoute? Route,
    AdmissibilityView? Admissibility, IReadOnlyList<ConvocationView> Convocations, JuryResultView? Jury);

/// <summary>The approved managers to tell about a followed employee, with what the e-mail may name.</summary>
public sealed record ManagerAudience(string EmployeeName, string CompanyName, IReadOnlyList<ManagerToTell> Managers);

public sealed record ManagerToTell(string Email, string Name);

/// <summary>
/// What a company manager may see of an employee, written once for every page, the calendar and the e-mails: only an
/// approved manager of the employee's own company sees anything, and beyond the name and "a registration exists" only
/// when the employee agreed to be followed (<see cref="CompanyFollowingRules"/>). Another company's employee, a
/// registration not yet sent, or a manager not approved yet gets what an unknown id gets.
/// </summary>
public sealed class EmployeeFollowing(CqpDbContext db, TimeProvider clock)
{
    /// <summary>The sent registrations of the employees of the companies <paramref name="managerUserId"/> is an approved manager of.</summary>
    private IQueryable<Registration> Known(string managerUserId) =>
        db.Registrations.Where(r => r.State != RegistrationState.Draft
            && db.CompanyManagers.Any(m => m.UserId == managerUserId && m.ApprovedAt != null && m.CompanyId == r.Candidate!.CompanyId));

    /// <summary>
    /// The registrations whose details <paramref name="managerUserId"/> sees: employees of a company they are an approved
    /// manager of, who agreed to be followed (<see cref="CompanyFollowingRules.VisibilityFor"/> = Followed).
    /// </summary>
    public IQueryable<Registration> Followed(string managerUserId) => Known(managerUserId).Where(r => r.CompanyMayFollow == true);

    /// <summary>The manager's employees, all companies together, by name; the details are dropped for those who did not agree.</summary>
    public async Task<List<EmployeeRow>> EmployeesAsync(string managerUserId)
    {
        var now = clock.GetUtcNow();
        var rows = await Known(managerUserId)
            .OrderBy(r => r.Candidate!.LastName).ThenBy(r => r.Candidate!.FirstName).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, CompanyId = r.Candidate!.CompanyId!.Value, Name = r.Candidate.FirstName + " " + r.Candidate.LastName, r.CompanyMayFollow,
                r.Route, r.RegisteredOn, r.State,
                Jury = r.JuryDecisions.AsQueryable().Where(JuryDecision.IsFinal).OrderByDescending(j => j.DecidedOn).Select(j => (JuryResult?)j.Result).FirstOrDefault(),
                Next = r.Enrolments.Where(e => e.State == EnrolmentState.Enrolled && e.Session!.CancelledAt == null && e.Session.StartsAt > now)
                    .OrderBy(e => e.Session!.StartsAt)
                    .Select(e => new ConvocationView(e.Session!.Kind, e.Session.StartsAt, e.Session.PlaceName, e.Session.Address, e.Session.PostalCode, e.Session.City))
                    .FirstOrDefault(),
            })
            .ToListAsync();
        return rows.Select(r => CompanyFollowingRules.VisibilityFor(true, r.CompanyMayFollow) == EmployeeVisibility.Followed
                ? new EmployeeRow(r.Id, r.CompanyId, r.Name, EmployeeVisibility.Followed, r.Route, r.RegisteredOn, r.State, r.Jury, r.Next)
                : new EmployeeRow(r.Id, r.CompanyId, r.Name, EmployeeVisibility.RegistrationExists, null, null, null, null, null))
            .ToList();
    }

    /// <summary>One employee's registration as <paramref name="managerUserId"/> may see it; null (404) when they may see nothing.</summary>
    public async Task<EmployeeFile?> FileAsync(string managerUserId, int registrationId)
    {
        var facts = await db.Registrations.Where(r => r.Id == registrationId && r.State != RegistrationState.Draft)
            .Select(r => new
            {
                Approved = db.CompanyManagers.Any(m => m.UserId == managerUserId && m.ApprovedAt != null && m.CompanyId == r.Candidate!.CompanyId),
                r.CompanyMayFollow, Name = r.Candidate!.FirstName + " " + r.Candidate.LastName, CompanyName = r.Candidate.Company!.Name,
            })
            .FirstOrDefaultAsync();
        var visibility = facts is null ? EmployeeVisibility.None : CompanyFollowingRules.VisibilityFor(facts.Approved, facts.CompanyMayFollow);
        if (visibility == EmployeeVisibility.None) return null;
        if (visibility == EmployeeVisibility.RegistrationExists) return new EmployeeFile(registrationId, facts!.Name, facts.CompanyName, visibility, null, null, [], null);

        var now = clock.GetUtcNow();
        var details = await db.Registrations.Where(r => r.Id == registrationId)
            .Select(r => new
            {
                r.Route, r.State, r.AdmissibilityDecidedOn, r.DecisionMotive,
                Convocations = r.Enrolments.Where(e => e.State == EnrolmentState.Enrolled && e.Session!.CancelledAt == null && e.Session.StartsAt > now)
                    .OrderBy(e => e.Session!.StartsAt)
                    .Select(e => new ConvocationView(e.Session!.Kind, e.Session.StartsAt, e.Session.PlaceName, e.Session.Address, e.Session.PostalCode, e.Session.City))
                    .ToList(),
                Jury = r.JuryDecisions.AsQueryable().Where(JuryDecision.IsFinal).OrderByDescending(j => j.DecidedOn)
                    .Select(j => new { j.DecidedOn, j.Result, Validated = j.UnitResults.Where(u => u.Validated).Select(u => u.UnitId).ToList() })
                    .FirstOrDefault(),
                Units = r.Certification!.Units.OrderBy(u => u.Number).Select(u => new { u.Id, u.Number, u.Title }).ToList(),
            })
            .SingleAsync();
        var decided = details.State is RegistrationState.Admissible or RegistrationState.NotAdmissible or RegistrationState.Incomplete || details.AdmissibilityDecidedOn is not null;
        return new EmployeeFile(registrationId, facts!.Name, facts.CompanyName, visibility, details.Route,
            new AdmissibilityView(details.State, decided ? details.AdmissibilityDecidedOn : null,
                details.State == RegistrationState.NotAdmissible ? details.DecisionMotive : null),
            details.Convocations,
            details.Jury is { } jury
                ? new JuryResultView(jury.DecidedOn, jury.Result, jury.Result == JuryResult.Absent ? [] : details.Units.Select(u => new UnitView(u.Number, u.Title, jury.Validated.Contains(u.Id))).ToList())
                : null);
    }

    /// <summary>For each of <paramref name="sessionIds"/>, the names of the manager's followed employees enrolled in it.</summary>
    public async Task<Dictionary<int, List<string>>> EnrolledEmployeesAsync(string managerUserId, IReadOnlyCollection<int> sessionIds)
    {
        var ids = sessionIds.ToList();
        var rows = await Known(managerUserId)
            .SelectMany(r => r.Enrolments.Where(e => e.State == EnrolmentState.Enrolled && ids.Contains(e.SessionId))
                .Select(e => new { e.SessionId, r.CompanyMayFollow, r.Candidate!.LastName, Name = r.Candidate.FirstName + " " + r.Candidate.LastName }))
            .ToListAsync();
        return rows.Where(r => CompanyFollowingRules.VisibilityFor(true, r.CompanyMayFollow) == EmployeeVisibility.Followed)
            .GroupBy(r => r.SessionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.LastName).ThenBy(r => r.Name).Select(r => r.Name).Distinct().ToList());
    }

    /// <summary>The approved managers of the employee's company, when the employee agreed to be followed; otherwise null (nobody is told).</summary>
    public async Task<ManagerAudience?> AudienceAsync(int registrationId)
    {
        var facts = await db.Registrations.Where(r => r.Id == registrationId && r.Candidate!.CompanyId != null)
            .Select(r => new
            {
                r.CompanyMayFollow, Name = r.Candidate!.FirstName + " " + r.Candidate.LastName, CompanyName = r.Candidate.Company!.Name,
                Managers = r.Candidate.Company.Managers.Where(m => m.ApprovedAt != null).OrderBy(m => m.Id)
                    .Select(m => new ManagerToTell(m.User!.Email!, m.User.DisplayName)).ToList(),
            })
            .FirstOrDefaultAsync();
        if (facts is null || !CompanyFollowingRules.ManagersAreTold(facts.CompanyMayFollow) || facts.Managers.Count == 0) return null;
        return new ManagerAudience(facts.Name, facts.CompanyName, facts.Managers);
    }
}
