using AngleSharp.Html.Dom;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Evaluations;

/// <summary>
/// Builders for the grid tests: an evaluation session with its evaluator and co-evaluator (accounts in the evaluator
/// role, each on the evaluators' list), an admissible candidate (with an account) enrolled and marked present.
/// </summary>
public static class GridBuilders
{
    public sealed record Competence(int Id, string Code, int UnitId, int UnitNumber);

    public sealed record GridFixture(int SessionId, int EnrolmentId, int RegistrationId, string CandidateName, string CandidateEmail,
        string EvaluatorEmail, string CoEvaluatorEmail, string EvaluatorName, string CoEvaluatorName, List<Competence> Competences)
    {
        public string Page => $"/Evaluation/Grille/{EnrolmentId}";
        public Competence Code(string code) => Competences.Single(c => c.Code == code);
        public IEnumerable<Competence> OfUnit(int number) => Competences.Where(c => c.UnitNumber == number);
    }

    /// <summary>
    /// The session started <paramref name="startedDaysAgo"/> days ago (negative: still to come); units listed in
    /// <paramref name="validatedUnitNumbers"/> were validated by a jury a month before.
    /// </summary>
    public static async Task<GridFixture> CreateAsync(DemoPortal portal, int startedDaysAgo = 1, bool present = true, int[]? validatedUnitNumbers = null,
        SessionKind kind = SessionKind.Evaluation)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var evaluatorName = $"Éva Noteuse {tag}";
        var coEvaluatorName = $"Colin Second {tag}";
        var evaluatorEmail = await TestAccounts.CreateAsync(portal, Roles.Evaluator, evaluatorName);
        var coEvaluatorEmail = await TestAccounts.CreateAsync(portal, Roles.Evaluator, coEvaluatorName);
        var candidateEmail = await TestAccounts.CreateAsync(portal, Roles.Candidate, $"Gaëlle Grille{tag}");

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var certificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var startsAt = now.AddDays(-startedDaysAgo);
        var registration = new Registration
        {
            CertificationId = certificationId, Route = kind == SessionKind.VaeSituation ? CertificationRoute.Vae : CertificationRoute.Training,
            State = RegistrationState.Admissible, EducationLevel = 4, Region = Region.Ouest, EmploymentStatus = EmploymentStatus.Employee,
            RegisteredOn = DateOnly.FromDateTime(now.UtcDateTime.AddMonths(-6)), AdmissibilityDecidedOn = DateOnly.FromDateTime(now.UtcDateTime.AddMonths(-5)),
        };
        var candidateName = $"Gaëlle Grille{tag}";
        db.Candidates.Add(new Candidate
        {
            UserId = await UserIdAsync(db, candidateEmail), FirstName = "Gaëlle", LastName = $"Grille{tag}", Email = candidateEmail,
            BirthDate = new DateOnly(1990, 4, 5), Sex = Sex.Female, Region = Region.Ouest, Registrations = [registration],
        });
        var session = new Session
        {
            CertificationId = certificationId, Kind = kind, StartsAt = startsAt, DurationMinutes = 220, PlaceName = "Centre d'examen Grille",
            Address = "12 rue des Évaluations", PostalCode = "35000", City = "Rennes", Region = Region.Ouest, Capacity = 8,
            RegistrationDeadline = DateOnly.FromDateTime(startsAt.UtcDateTime.AddDays(-7)),
        };
        var enrolment = new SessionEnrolment
        {
            Registration = registration, State = EnrolmentState.Enrolled, EnrolledAt = startsAt.AddDays(-20),
            Attendance = present ? Attendance.Present : Attendance.Absent, AttendanceRecordedAt = startsAt,
        };
        session.Enrolments.Add(enrolment);
        db.Sessions.Add(session);
        var evaluator = new Evaluator { UserId = await UserIdAsync(db, evaluatorEmail), FullName = evaluatorName, Email = evaluatorEmail, Organisation = "Cabinet Éva" };
        var coEvaluator = new Evaluator { UserId = await UserIdAsync(db, coEvaluatorEmail), FullName = coEvaluatorName, Email = coEvaluatorEmail, Organisation = "Cabinet Colin" };
        db.Evaluators.AddRange(evaluator, coEvaluator);
        await db.SaveChangesAsync();
        db.SessionEvaluators.AddRange(
            new SessionEvaluator { SessionId = session.Id, EvaluatorId = evaluator.Id, Role = EvaluatorRole.Evaluator, AssignedAt = now.AddDays(-30) },
            new SessionEvaluator { SessionId = session.Id, EvaluatorId = coEvaluator.Id, Role = EvaluatorRole.CoEvaluator, Remote = true, AssignedAt = now.AddDays(-30) });
        var units = await db.CertificationUnits.Where(u => u.CertificationId == certificationId).ToListAsync();
        if (validatedUnitNumbers is { Length: > 0 })
        {
            db.JuryDecisions.Add(new JuryDecision
            {
                RegistrationId = registration.Id, DecidedOn = DateOnly.FromDateTime(startsAt.UtcDateTime.AddMonths(-1)), Result = JuryResult.PartialValidation,
                Comment = "Validation partielle",
                UnitResults = units.Select(u => new JuryUnitResult { UnitId = u.Id, Validated = validatedUnitNumbers.Contains(u.Number) }).ToList(),
            });
        }
        await db.SaveChangesAsync();
        var competences = await db.Competences.Where(c => c.Unit!.CertificationId == certificationId)
            .Select(c => new Competence(c.Id, c.Code, c.UnitId, c.Unit!.Number)).ToListAsync();
        return new GridFixture(session.Id, enrolment.Id, registration.Id, candidateName, candidateEmail, evaluatorEmail, coEvaluatorEmail,
            evaluatorName, coEvaluatorName, competences);
    }

    /// <summary>Another account in the evaluator role, on the list, assigned to no session of the fixture.</summary>
    public static async Task<string> OtherEvaluatorAsync(DemoPortal portal)
    {
        var email = await TestAccounts.CreateAsync(portal, Roles.Evaluator, "Autre Évaluateur");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        db.Evaluators.Add(new Evaluator { UserId = await UserIdAsync(db, email), FullName = "Autre Évaluateur", Email = email, Organisation = "Ailleurs" });
        await db.SaveChangesAsync();
        return email;
    }

    public static async Task<PortalClient> SignInAsync(DemoPortal portal, string email)
    {
        var client = PortalClient.For(portal);
        await client.LoginAsync(email, email.EndsWith("@cqp.test", StringComparison.Ordinal) ? PortalClient.DemoPassword : TestAccounts.Password);
        client.Email = email;
        return client;
    }

    /// <summary>Loads the grid page and posts its form to <paramref name="handler"/> with <paramref name="fields"/> (and the anti-forgery token).</summary>
    public static async Task<HttpResponseMessage> PostAsync(PortalClient client, GridFixture f, string handler, IReadOnlyDictionary<string, string> fields)
    {
        var (_, page) = await client.GetAsync(f.Page);
        var form = page.Forms.OfType<IHtmlFormElement>().FirstOrDefault()
            ?? throw new InvalidOperationException($"No form on {f.Page}: {page.QuerySelector("main")?.TextContent}");
        var token = form.Elements.OfType<IHtmlInputElement>().First(i => i.Name == "__RequestVerificationToken").Value;
        var values = fields.Append(KeyValuePair.Create("__RequestVerificationToken", token)).ToList();
        return await client.Http.PostAsync($"{f.Page}?handler={handler}", new FormUrlEncodedContent(values));
    }

    public static Dictionary<string, string> Mark(Competence c, bool acquired, string? observation = null) => new()
    {
        [$"Input.Entries[{c.Id}].Acquired"] = acquired ? "true" : "false",
        [$"Input.Entries[{c.Id}].Observation"] = observation ?? "",
    };

    public static Dictionary<string, string> Respond(Competence c, bool agrees, string? observation = null) => new()
    {
        [$"Input.Entries[{c.Id}].Agrees"] = agrees ? "true" : "false",
        [$"Input.Entries[{c.Id}].CoObservation"] = observation ?? "",
    };

    public static Dictionary<string, string> Merge(IEnumerable<Dictionary<string, string>> parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    public static async Task<List<EvaluationGrid>> GridsAsync(DemoPortal portal, int enrolmentId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().EvaluationGrids.AsNoTracking().Include(g => g.Entries)
            .Where(g => g.EnrolmentId == enrolmentId).OrderBy(g => g.Version).ToListAsync();
    }

    public static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await PortalClient.ParseAsync(response)).QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? "";

    public static Task<string> UserIdAsync(CqpDbContext db, string email) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
}
