using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Certificates;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Certificates;

/// <summary>A candidate, their jury decision recorded in the database and what the portal issued from it.</summary>
public sealed record Holder(int JuryId, int DecisionId, int RegistrationId, int CandidateId, string FirstName, string LastName, string Email,
    string? AccountEmail, DateOnly DecidedOn, List<int> UnitIds);

/// <summary>Builders of jury decisions straight into the database (the jury's own pages are another helper's), then issuance.</summary>
public static class Holders
{
    /// <summary>
    /// A candidate admissible a year ago, convened to a jury held 3 days ago that decided <paramref name="result"/>
    /// with <paramref name="validatedUnits"/> units of four validated; with a candidate account when asked.
    /// </summary>
    public static async Task<Holder> DecidedAsync(DemoPortal portal, JuryResult result, int validatedUnits = 4, bool withAccount = false)
    {
        var accountEmail = withAccount ? await TestAccounts.CreateAsync(portal, Roles.Candidate) : null;
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var certificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var units = await db.CertificationUnits.Where(u => u.CertificationId == certificationId).OrderBy(u => u.Number).Select(u => u.Id).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        var startsAt = now.AddDays(-3);
        var jury = new Session
        {
            CertificationId = certificationId, Kind = SessionKind.Jury, StartsAt = startsAt, DurationMinutes = 180, PlaceName = "Salle des jurys",
            Address = "7 rue du Jury", PostalCode = "44000", City = "Nantes", Region = Region.Ouest, Capacity = 10,
            RegistrationDeadline = DateOnly.FromDateTime(startsAt.UtcDateTime.AddDays(-7)),
        };
        var lastName = "Titulaire" + Guid.NewGuid().ToString("N")[..6];
        var email = accountEmail ?? $"{lastName.ToLowerInvariant()}@exemple.fr";
        var registration = new Registration
        {
            CertificationId = certificationId, Route = CertificationRoute.Training, State = RegistrationState.Admissible, EducationLevel = 4, Region = Region.Ouest,
            EmploymentStatus = EmploymentStatus.Employee, RegisteredOn = new DateOnly(2025, 11, 2), AdmissibilityDecidedOn = new DateOnly(2025, 12, 1),
        };
        var candidate = new Candidate
        {
            FirstName = "Maëlle", LastName = lastName, Email = email, BirthDate = new DateOnly(1988, 4, 27), Sex = Sex.Female, Region = Region.Ouest,
            Registrations = [registration],
            UserId = accountEmail is null ? null : await db.Users.Where(u => u.Email == accountEmail).Select(u => u.Id).SingleAsync(),
        };
        db.Candidates.Add(candidate);
        jury.Enrolments.Add(new SessionEnrolment { Registration = registration, State = EnrolmentState.Enrolled, EnrolledAt = now.AddDays(-30) });
        db.Sessions.Add(jury);
        var decidedOn = DateOnly.FromDateTime(startsAt.UtcDateTime);
        var decision = new JuryDecision
        {
            Registration = registration, Session = jury, DecidedOn = decidedOn, Result = result, RecordedAt = now.AddDays(-2),
            Comment = result == JuryResult.TotalValidation ? null : "Unités restantes à présenter.",
            UnitResults = units.Select((id, i) => new JuryUnitResult { UnitId = id, Validated = i < validatedUnits }).ToList(),
        };
        db.JuryDecisions.Add(decision);
        await db.SaveChangesAsync();
        return new Holder(jury.Id, decision.Id, registration.Id, candidate.Id, candidate.FirstName, lastName, email, accountEmail, decidedOn, units);
    }

    public static async Task<IssuanceResult> IssueAsync(DemoPortal portal, int juryId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CertificateIssuance>().IssueForSessionAsync(juryId);
    }

    /// <summary>A holder whose certificate is issued: the decision and its certificate number.</summary>
    public static async Task<(Holder Holder, Certificate Certificate)> CertifiedAsync(DemoPortal portal, bool withAccount = false)
    {
        var holder = await DecidedAsync(portal, JuryResult.TotalValidation, withAccount: withAccount);
        await IssueAsync(portal, holder.JuryId);
        return (holder, await CertificateOfAsync(portal, holder.RegistrationId));
    }

    public static async Task<Certificate> CertificateOfAsync(DemoPortal portal, int registrationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        return await db.Certificates.AsNoTracking().SingleAsync(c => c.RegistrationId == registrationId);
    }

    public static async Task<T> QueryAsync<T>(DemoPortal portal, Func<CqpDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CqpDbContext>());
    }
}
