using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>
/// The portal (scheduler on) on a database of its own, without demo data, with a test producer whose run waits at a
/// gate the test opens, and a small set of jury sessions around "six months and the answering window ago".
/// </summary>
public sealed class ReportsPortal() : PortalFactory(TestCluster.NewDatabase("reports"), demoData: false,
    new Dictionary<string, string?> { ["Jobs:RunScheduler"] = "true" }), IAsyncLifetime
{
    public GatedProducer Gated { get; } = new();

    public int DueJuryId { get; private set; }
    public int RecentJuryId { get; private set; }
    public int CancelledJuryId { get; private set; }
    public int OldEvaluationId { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IReportProducer>(Gated));
    }

    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var certification = await db.Certifications.Include(c => c.Units).SingleAsync();
        var now = DateTimeOffset.UtcNow;

        Session Make(SessionKind kind, DateTimeOffset startsAt, bool cancelled = false) => new()
        {
            CertificationId = certification.Id, Kind = kind, StartsAt = startsAt, DurationMinutes = 180, PlaceName = "Centre d'essai",
            Address = "1 rue du Test", PostalCode = "59000", City = "Lille", Region = Region.Nord, Capacity = 20,
            RegistrationDeadline = DayInParis.Of(startsAt).AddDays(-7),
            CancelledAt = cancelled ? startsAt.AddDays(-30) : null, CancellationReason = cancelled ? "Essai" : null,
        };
        // Due: its 6-month answering window (6 months + 60 days after the sitting) has closed; recent: not even invited.
        var due = Make(SessionKind.Jury, now.AddMonths(-9));
        var recent = Make(SessionKind.Jury, now.AddMonths(-5));
        var cancelledJury = Make(SessionKind.Jury, now.AddMonths(-8), cancelled: true);
        var evaluation = Make(SessionKind.Evaluation, now.AddMonths(-8));
        db.Sessions.AddRange(due, recent, cancelledJury, evaluation);

        // The due jury: 3 holders (total validation) and one partial validation; their 6-month answers.
        var surveysOfHolders = new (HolderSituation? Situation, EmploymentContract? Contract, EmploymentSector? Sector)[]
        {
            (HolderSituation.Employed, EmploymentContract.Cdi, EmploymentSector.Branch),
            (HolderSituation.JobSeeker, null, null),
            (null, null, null), // invited, no answer
        };
        var juryDay = DayInParis.Of(due.StartsAt);
        var i = 0;
        foreach (var answer in surveysOfHolders.Select(s => (s, JuryResult.TotalValidation)).Append(((null, null, null), JuryResult.PartialValidation)))
        {
            var registration = new Registration
            {
                Certification = certification, Route = CertificationRoute.Training, EmploymentStatus = EmploymentStatus.Employee,
                Region = Region.Nord, EducationLevel = 4, State = RegistrationState.Admissible, RegisteredOn = juryDay.AddMonths(-10),
                JuryDecisions = [new JuryDecision { Session = due, DecidedOn = juryDay, Result = answer.Item2 }],
            };
            if (answer.Item2 == JuryResult.TotalValidation)
                registration.Surveys.Add(new HolderSurvey
                {
                    Wave = SurveyWave.SixMonths, DueOn = juryDay.AddMonths(6), InvitedAt = due.StartsAt.AddMonths(6),
                    RespondedOn = answer.s.Situation is null ? null : juryDay.AddMonths(6).AddDays(10),
                    Situation = answer.s.Situation, Contract = answer.s.Contract, Sector = answer.s.Sector,
                });
            db.Candidates.Add(new Candidate
            {
                FirstName = $"Titulaire{++i}", LastName = "Confidentiel", Email = $"titulaire{i}@exemple.fr", BirthDate = new(1990, 1, 1),
                Sex = Sex.Female, Region = Region.Nord, Registrations = [registration],
            });
        }
        await db.SaveChangesAsync();
        (DueJuryId, RecentJuryId, CancelledJuryId, OldEvaluationId) = (due.Id, recent.Id, cancelledJury.Id, evaluation.Id);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async Task<ReportRun> RunAsync(int id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().ReportRuns.AsNoTracking().Include(r => r.Files).SingleAsync(r => r.Id == id);
    }

    /// <summary>Polls the run until <paramref name="done"/> holds (30 s at most).</summary>
    public async Task<ReportRun> WaitForAsync(int id, Func<ReportRun, bool> done, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = await RunAsync(id);
            if (done(run)) return run;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Run {id} still {run.State} ({run.ProgressPercent} %, {run.ErrorMessage}).");
            await Task.Delay(100);
        }
    }

    public async Task<ReportRun> QueueAsync(string kind, int? year = null, int? sessionId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportRuns>().QueueAsync(kind, year, sessionId, null, "Test");
    }
}

/// <summary>
/// A producer for tests ("test-gated"): reports 40 %, then waits until the test opens the gate of its year (the run's
/// year is the gate's number), then returns two files, or fails as the year asks.
/// </summary>
public sealed class GatedProducer : IReportProducer
{
    public const string GatedKind = "test-gated";
    public const int FailInFrench = 1, FailUnexpectedly = 2;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, TaskCompletionSource> gates = new();

    public string Kind => GatedKind;

    public TaskCompletionSource Gate(int number) => gates.GetOrAdd(number, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public async Task<IReadOnlyList<ReportFile>> ProduceAsync(ReportRunContext context, CancellationToken cancellationToken)
    {
        var number = context.RequireYear();
        await context.ReportProgressAsync(40, "Étape de test", cancellationToken);
        await Gate(number).Task.WaitAsync(cancellationToken);
        return number switch
        {
            FailInFrench => throw new ReportException("Les données de test sont incomplètes."),
            FailUnexpectedly => throw new InvalidOperationException("boom"),
            _ => [new ReportFile("a.txt", "text/plain", "premier"u8.ToArray()), new ReportFile("b.txt", "text/plain", "second"u8.ToArray())],
        };
    }
}
