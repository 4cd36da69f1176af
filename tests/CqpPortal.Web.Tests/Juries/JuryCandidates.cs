using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Juries;

/// <summary>An admissible candidate made for a jury test: their registration, e-mail and upper-cased last name (as the pages show it).</summary>
public sealed record JuryCandidateFile(int RegistrationId, string Email, string LastName)
{
    public string Shown => LastName.ToUpperInvariant();
}

/// <summary>
/// Builders of candidates for the jury tests, straight into the database: admissible three months ago, with an
/// evaluation (VAE: situation) some days ago whose grid both evaluators signed or not, an earlier jury, booklet 2.
/// </summary>
public static class JuryCandidates
{
    /// <param name="evaluatedDaysAgo">An evaluation (VAE: situation) session that many days ago, the candidate enrolled; none when null.</param>
    /// <param name="signatures">How many evaluators signed its grid (0: no grid at all).</param>
    /// <param name="lastJuryDaysAgo">A partial validation of unit 1 by a jury that many days ago; none when null.</param>
    public static async Task<JuryCandidateFile> CreateAsync(DemoPortal portal, CertificationRoute route = CertificationRoute.Training, int? evaluatedDaysAgo = 10,
        int signatures = 2, int? lastJuryDaysAgo = null, bool experienceBookletAccepted = false)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var certificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var lastName = "Jury" + Guid.NewGuid().ToString("N")[..6];
        var email = $"{lastName.ToLowerInvariant()}@exemple.fr";
        var registration = new Registration
        {
            CertificationId = certificationId, Route = route, State = RegistrationState.Admissible, EducationLevel = 4, Region = Region.Ouest,
            EmploymentStatus = EmploymentStatus.Employee, RegisteredOn = DateOnly.FromDateTime(now.UtcDateTime.AddMonths(-4)),
            AdmissibilityDecidedOn = DateOnly.FromDateTime(now.UtcDateTime.AddMonths(-3)),
        };
        db.Candidates.Add(new Candidate { FirstName = "Alix", LastName = lastName, Email = email, BirthDate = new DateOnly(1992, 1, 2), Sex = Sex.Female, Region = Region.Ouest, Registrations = [registration] });
        if (evaluatedDaysAgo is { } days)
        {
            var evaluation = Session(certificationId, route == CertificationRoute.Vae ? SessionKind.VaeSituation : SessionKind.Evaluation, now.AddDays(-days));
            var enrolment = new SessionEnrolment { Registration = registration, State = EnrolmentState.Enrolled, EnrolledAt = now.AddDays(-days - 20), Attendance = Attendance.Present };
            evaluation.Enrolments.Add(enrolment);
            db.Sessions.Add(evaluation);
            if (signatures > 0)
                db.EvaluationGrids.Add(new EvaluationGrid
                {
                    Enrolment = enrolment, CreatedAt = now.AddDays(-days), UpdatedAt = now.AddDays(-days),
                    EvaluatorSignedAt = now.AddDays(-days).AddHours(4), CoEvaluatorSignedAt = signatures > 1 ? now.AddDays(-days).AddHours(5) : null,
                });
        }
        if (lastJuryDaysAgo is { } juryDays)
        {
            var units = await db.CertificationUnits.Where(u => u.CertificationId == certificationId).OrderBy(u => u.Number).Select(u => u.Id).ToListAsync();
            registration.JuryDecisions.Add(new JuryDecision
            {
                DecidedOn = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-juryDays)), Result = JuryResult.PartialValidation, Comment = "Unités 2 à 4 à repasser.",
                UnitResults = units.Select((u, i) => new JuryUnitResult { UnitId = u, Validated = i == 0 }).ToList(),
            });
        }
        if (experienceBookletAccepted)
            db.Booklets.Add(new Booklet { Registration = registration, Kind = BookletKind.Experience, State = BookletState.Admissible, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
        return new JuryCandidateFile(registration.Id, email, lastName);
    }

    public static Session Session(int certificationId, SessionKind kind, DateTimeOffset startsAt) => new()
    {
        CertificationId = certificationId, Kind = kind, StartsAt = startsAt, DurationMinutes = 180, PlaceName = "Centre de test", Address = "3 rue du Test",
        PostalCode = "35000", City = "Rennes", Region = Region.Ouest, Capacity = 10, RegistrationDeadline = DateOnly.FromDateTime(startsAt.UtcDateTime.AddDays(-7)),
    };

    /// <summary>Makes <paramref name="email"/> the president of the session (the member must be assigned).</summary>
    public static async Task PresideAsync(DemoPortal portal, int sessionId, string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var userId = await JurySessions.UserIdAsync(db, email);
        await db.JurySessionMembers.Where(m => m.SessionId == sessionId).ExecuteUpdateAsync(u => u.SetProperty(m => m.IsPresident, m => m.UserId == userId));
    }

    public static async Task<List<int>> UnitIdsAsync(DemoPortal portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var certificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        return await db.CertificationUnits.Where(u => u.CertificationId == certificationId).OrderBy(u => u.Number).Select(u => u.Id).ToListAsync();
    }
}
