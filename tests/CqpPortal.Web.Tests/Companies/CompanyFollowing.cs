using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Companies;

/// <summary>A company of its own, with an approved manager (password <see cref="TestAccounts.Password"/>), made for one test.</summary>
public sealed record FollowingCompany(int Id, string Name, string ManagerEmail);

/// <summary>An employee's sent registration: <see cref="Email"/> signs in with <see cref="TestAccounts.Password"/>.</summary>
public sealed record FollowedEmployee(int RegistrationId, string Email, string Name);

/// <summary>Builders of companies, managers and employees for the following tests, straight into the database.</summary>
public static class CompanyFollowing
{
    public static async Task<T> DbAsync<T>(PortalFactory portal, Func<CqpDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CqpDbContext>());
    }

    /// <summary>A new company; its manager is approved unless told otherwise.</summary>
    public static async Task<FollowingCompany> CompanyAsync(PortalFactory portal, bool approved = true)
    {
        var manager = await TestAccounts.CreateAsync(portal, Roles.CompanyManager, "Hugo Lemoine");
        var name = "Permanence " + Guid.NewGuid().ToString("N")[..6];
        var id = await DbAsync(portal, async db =>
        {
            var company = new Company { Name = name, Siret = string.Concat(Enumerable.Range(0, 14).Select(_ => Random.Shared.Next(10))), Region = Region.Ouest };
            db.CompanyManagers.Add(new CompanyManager
            {
                UserId = await db.Users.Where(u => u.Email == manager).Select(u => u.Id).SingleAsync(), Company = company,
                ApprovedAt = approved ? DateTimeOffset.UtcNow : null,
            });
            await db.SaveChangesAsync();
            return company.Id;
        });
        return new FollowingCompany(id, name, manager);
    }

    /// <summary>An employee of <paramref name="company"/> with a sent registration in <paramref name="state"/>, who answered <paramref name="follows"/>.</summary>
    public static async Task<FollowedEmployee> EmployeeAsync(PortalFactory portal, FollowingCompany company, bool? follows,
        RegistrationState state = RegistrationState.Admissible, string? motive = null)
    {
        var lastName = "Salarie" + Guid.NewGuid().ToString("N")[..6];
        var email = await TestAccounts.CreateAsync(portal, Roles.Candidate, $"Zoé {lastName}");
        var id = await DbAsync(portal, async db =>
        {
            var registration = new Registration
            {
                CertificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Training,
                Funding = Funding.Cpf, EmploymentStatus = EmploymentStatus.Employee, EmployerName = company.Name, EducationLevel = 4, TeleSecretaryMonths = 12,
                Region = Region.Ouest, State = state, RegisteredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-2)), PrivacyConsentAt = DateTimeOffset.UtcNow,
                AdmissibilityDecidedOn = state is RegistrationState.Admissible or RegistrationState.NotAdmissible ? DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-1)) : null,
                DecisionMotive = motive, CompanyMayFollow = follows, CompanyConsentAt = follows is null ? null : DateTimeOffset.UtcNow,
            };
            db.Candidates.Add(new Candidate
            {
                UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(), FirstName = "Zoé", LastName = lastName, Email = email,
                BirthDate = new DateOnly(1994, 5, 6), Sex = Sex.Female, Region = Region.Ouest, CompanyId = company.Id, Registrations = [registration],
            });
            await db.SaveChangesAsync();
            return registration.Id;
        });
        return new FollowedEmployee(id, email, $"Zoé {lastName}");
    }

    /// <summary>A coming session (an evaluation unless told) with the registrations enrolled.</summary>
    public static Task<int> SessionAsync(PortalFactory portal, int inDays, IEnumerable<int> enrolled, SessionKind kind = SessionKind.Evaluation, string place = "Centre Horizon") =>
        DbAsync(portal, async db =>
        {
            var startsAt = DateTimeOffset.UtcNow.AddDays(inDays);
            var session = new Session
            {
                CertificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(), Kind = kind, StartsAt = startsAt, DurationMinutes = 180,
                PlaceName = place, Address = "12 rue des Tests", PostalCode = "35000", City = "Rennes", Region = Region.Ouest, Capacity = 10,
                RegistrationDeadline = DateOnly.FromDateTime(startsAt.UtcDateTime.AddDays(-3)),
            };
            foreach (var id in enrolled) session.Enrolments.Add(new SessionEnrolment { RegistrationId = id, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow });
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });

    public static int MailsTo(PortalFactory portal, string email) => portal.Mail.All().Count(m => m.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase));
}
