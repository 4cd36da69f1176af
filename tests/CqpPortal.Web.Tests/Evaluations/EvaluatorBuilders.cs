using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Evaluations;

/// <summary>An evaluator of the register, with the e-mail of their account (signed in with <see cref="TestAccounts.Password"/>) when they have one.</summary>
public sealed record EvaluatorMade(int Id, string FullName, string? Email);

/// <summary>A candidate enrolled in a session built here.</summary>
public sealed record EnrolledMade(int EnrolmentId, int CandidateId, int RegistrationId, string Name, string LastName);

public sealed record SessionMade(int Id, DateTimeOffset StartsAt, IReadOnlyList<EnrolledMade> Candidates);

/// <summary>Builders of evaluators (account, habilitation, links) and evaluation sessions with enrolled candidates, straight into the database.</summary>
public static class EvaluatorBuilders
{
    /// <summary>
    /// An evaluator with an account in the evaluator role (unless <paramref name="withAccount"/> is false) and, unless told
    /// otherwise, an active habilitation for the certification from a year ago to a year ahead.
    /// </summary>
    public static async Task<EvaluatorMade> EvaluatorAsync(DemoPortal portal, string? name = null, bool withAccount = true,
        HabilitationState? state = HabilitationState.Active, DateOnly? validFrom = null, DateOnly? validTo = null)
    {
        name ??= "Évaluateur " + Guid.NewGuid().ToString("N")[..6];
        var email = withAccount ? await TestAccounts.CreateAsync(portal, Roles.Evaluator, name) : null;
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var evaluator = new Evaluator
        {
            FullName = name, Email = email ?? $"sans-compte-{Guid.NewGuid():N}"[..20] + "@exemple.fr", Organisation = "Cabinet Évalua",
            UserId = email is null ? null : await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(),
        };
        if (state is { } s)
            evaluator.Habilitations.Add(new EvaluatorHabilitation
            {
                CertificationId = await CertificationIdAsync(db), State = s, ValidFrom = validFrom ?? today.AddYears(-1), ValidTo = validTo ?? today.AddYears(1),
                Reason = s == HabilitationState.Active ? null : "Motif de test",
            });
        db.Evaluators.Add(evaluator);
        await db.SaveChangesAsync();
        return new EvaluatorMade(evaluator.Id, name, email);
    }

    /// <summary>An evaluation session (unless told) starting <paramref name="startsIn"/> from now, with <paramref name="candidates"/> enrolled candidates.</summary>
    public static async Task<SessionMade> SessionAsync(DemoPortal portal, TimeSpan startsIn, int candidates = 2, SessionKind kind = SessionKind.Evaluation,
        int? companyId = null, bool cancelled = false)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var certificationId = await CertificationIdAsync(db);
        var startsAt = DateTimeOffset.UtcNow.Add(startsIn);
        var session = new Session
        {
            CertificationId = certificationId, Kind = kind, StartsAt = startsAt, DurationMinutes = 240, PlaceName = "Centre d'examen Évalua",
            Address = "12 rue des Essais", PostalCode = "69003", City = "Lyon", Region = Region.Sud, Capacity = 12,
            RegistrationDeadline = DayInParis.Of(startsAt).AddDays(-7), CancelledAt = cancelled ? DateTimeOffset.UtcNow.AddDays(-1) : null,
            CancellationReason = cancelled ? "Salle indisponible" : null,
        };
        var made = new List<(Candidate Candidate, Registration Registration, SessionEnrolment Enrolment)>();
        for (var i = 0; i < candidates; i++)
        {
            var lastName = "Eval" + Guid.NewGuid().ToString("N")[..6];
            var registration = new Registration
            {
                CertificationId = certificationId, Route = CertificationRoute.Training, State = RegistrationState.Admissible, EducationLevel = 4, Region = Region.Sud,
                EmploymentStatus = EmploymentStatus.Employee, RegisteredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-4)),
                AdmissibilityDecidedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-3)),
            };
            var candidate = new Candidate
            {
                FirstName = i == 0 ? "Inès" : "Hugo", LastName = lastName, Email = $"{lastName.ToLowerInvariant()}@exemple.fr", BirthDate = new DateOnly(1990, 5, 6),
                Sex = Sex.Female, Region = Region.Sud, CompanyId = i == 0 ? companyId : null, Registrations = [registration],
            };
            var enrolment = new SessionEnrolment { Registration = registration, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow.AddDays(-20) };
            session.Enrolments.Add(enrolment);
            db.Candidates.Add(candidate);
            made.Add((candidate, registration, enrolment));
        }
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return new SessionMade(session.Id, startsAt, made.Select(m => new EnrolledMade(m.Enrolment.Id, m.Candidate.Id, m.Registration.Id,
            $"{m.Candidate.FirstName} {m.Candidate.LastName}", m.Candidate.LastName)).ToList());
    }

    public static async Task AssignAsync(DemoPortal portal, int sessionId, int evaluatorId, EvaluatorRole role = EvaluatorRole.Evaluator, bool remote = false)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        db.SessionEvaluators.Add(new SessionEvaluator { SessionId = sessionId, EvaluatorId = evaluatorId, Role = role, Remote = remote, AssignedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    public static async Task LinkAsync(DemoPortal portal, int evaluatorId, int? candidateId = null, int? companyId = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        db.EvaluatorLinks.Add(new EvaluatorLink
        {
            EvaluatorId = evaluatorId, Kind = candidateId is null ? EvaluatorLinkKind.Company : EvaluatorLinkKind.TrainedCandidate,
            CandidateId = candidateId, CompanyId = companyId, DeclaredAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Who is assigned to the session, by role.</summary>
    public static async Task<Dictionary<EvaluatorRole, (int EvaluatorId, bool Remote)>> AssignmentsAsync(DemoPortal portal, int sessionId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        return await db.SessionEvaluators.Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.Role, a => (a.EvaluatorId, a.Remote));
    }

    public static async Task<T> QueryAsync<T>(DemoPortal portal, Func<CqpDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CqpDbContext>());
    }

    public static async Task<PortalClient> SignedInAsync(DemoPortal portal, string email, string password = TestAccounts.Password)
    {
        var client = PortalClient.For(portal);
        await client.LoginAsync(email, password);
        return client;
    }

    private static Task<int> CertificationIdAsync(CqpDbContext db) => db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
}
