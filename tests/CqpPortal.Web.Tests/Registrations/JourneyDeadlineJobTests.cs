using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Registrations;
using CqpPortal.Web.Jobs;
using CqpPortal.Web.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CqpPortal.Web.Tests.Registrations;

/// <summary>The portal on a database of its own, without demo data: the job's runs far ahead must not close the demo's journeys.</summary>
public sealed class JourneyPortal() : PortalFactory(TestCluster.NewDatabase("journey"), demoData: false);

/// <summary>
/// The deadline job, run directly with the fake clock: warnings at 90 and 30 days, once each even when run twice or late;
/// the staff's weekly digest; the journey closed the day after its deadline. Each test works in years of its own
/// (a run closes every earlier test's journeys too, which their assertions no longer look at).
/// </summary>
public class JourneyDeadlineJobTests(JourneyPortal portal) : IClassFixture<JourneyPortal>
{
    /// <summary>The job's service with a fake clock at 07:30 in Paris on <paramref name="day"/>, down to the seats it frees.</summary>
    private async Task<DeadlineRun> RunOnAsync(DateOnly day)
    {
        var clock = new FakeTimeProvider(DayInParis.At(day, new TimeOnly(7, 30)).ToUniversalTime());
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var enrolments = ActivatorUtilities.CreateInstance<SessionEnrolments>(services, clock);
        var closures = ActivatorUtilities.CreateInstance<JourneyClosures>(services, enrolments, clock);
        var keys = ActivatorUtilities.CreateInstance<NotificationKeys>(services, clock);
        return await ActivatorUtilities.CreateInstance<JourneyDeadlines>(services, closures, keys, clock).RunAsync();
    }

    private List<string> MailsTo(string email) =>
        portal.Mail.All().Where(m => m.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>An admissible trainee whose journey ends on <paramref name="deadline"/> (24 months after the decision).</summary>
    private async Task<(int RegistrationId, string Email)> JourneyEndingOnAsync(DateOnly deadline, string lastName)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var email = $"{lastName.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + "@exemple.fr";
        var registration = new Registration
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Training, State = RegistrationState.Admissible,
            EmploymentStatus = EmploymentStatus.Other, Region = Region.Sud, RegisteredOn = deadline.AddMonths(-25), AdmissibilityDecidedOn = deadline.AddMonths(-24),
        };
        db.Candidates.Add(new Candidate
        {
            FirstName = "Inès", LastName = lastName, Email = email, BirthDate = new DateOnly(1988, 4, 2), Sex = Sex.Female, Region = Region.Sud,
            Registrations = [registration],
        });
        await db.SaveChangesAsync();
        return (registration.Id, email);
    }

    [Fact]
    public async Task The_candidate_is_warned_90_and_30_days_before_once_each_even_when_the_job_runs_twice()
    {
        var deadline = new DateOnly(2031, 6, 30);
        var (_, email) = await JourneyEndingOnAsync(deadline, "Prevenue");

        await RunOnAsync(deadline.AddDays(-91));
        Assert.Empty(MailsTo(email));
        await RunOnAsync(deadline.AddDays(-90));
        await RunOnAsync(deadline.AddDays(-90)); // a second run the same day
        await RunOnAsync(deadline.AddDays(-60));
        var first = Assert.Single(MailsTo(email));
        Assert.Contains("se termine dans 90 jours", first);
        Assert.Contains("30 juin 2031", first);
        Assert.Contains("évaluation à passer", first);
        Assert.Contains("jury à passer", first);

        await RunOnAsync(deadline.AddDays(-30));
        await RunOnAsync(deadline.AddDays(-30));
        await RunOnAsync(deadline.AddDays(-2));
        var mails = MailsTo(email);
        Assert.Equal(2, mails.Count);
        Assert.Contains("se termine dans 30 jours", mails[1]);
    }

    [Fact]
    public async Task A_job_that_missed_the_90th_day_warns_later_and_within_30_days_sends_only_the_30_day_warning()
    {
        var deadline = new DateOnly(2033, 9, 30);
        var (_, late) = await JourneyEndingOnAsync(deadline, "Enretard");
        var (_, later) = await JourneyEndingOnAsync(deadline.AddDays(60), "Plustard");

        await RunOnAsync(deadline.AddDays(-20));

        Assert.Contains("se termine dans 20 jours", Assert.Single(MailsTo(late)));
        Assert.Contains("se termine dans 80 jours", Assert.Single(MailsTo(later)));
    }

    [Fact]
    public async Task The_day_after_the_deadline_the_journey_closes_keeping_the_acquired_units_and_freeing_the_seat()
    {
        var deadline = new DateOnly(2035, 3, 15);
        var (registrationId, email) = await JourneyEndingOnAsync(deadline, "Expiree");
        var (otherId, otherEmail) = await JourneyEndingOnAsync(deadline.AddYears(1), "Attendait");
        int sessionId, decisionId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var certification = await db.Certifications.Include(c => c.Units).OrderBy(c => c.Id).FirstAsync();
            var decision = new JuryDecision
            {
                RegistrationId = registrationId, DecidedOn = deadline.AddMonths(-5), Result = JuryResult.PartialValidation,
                UnitResults = certification.Units.OrderBy(u => u.Number).Select(u => new JuryUnitResult { UnitId = u.Id, Validated = u.Number <= 2 }).ToList(),
            };
            db.JuryDecisions.Add(decision);
            // A coming evaluation (already past the deadline in its date: kept by a file that had it before) with one seat, and someone waiting.
            var session = new Session
            {
                CertificationId = certification.Id, Kind = SessionKind.Evaluation, StartsAt = DayInParis.At(deadline.AddDays(20), new TimeOnly(9, 0)).ToUniversalTime(),
                DurationMinutes = 220, PlaceName = "Centre du délai", Address = "3 rue du Délai", PostalCode = "13001", City = "Marseille", Region = Region.Sud,
                Capacity = 1, RegistrationDeadline = deadline.AddDays(10),
            };
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            db.SessionEnrolments.AddRange(
                new SessionEnrolment { SessionId = session.Id, RegistrationId = registrationId, State = EnrolmentState.Enrolled, EnrolledAt = session.StartsAt.AddDays(-60) },
                new SessionEnrolment { SessionId = session.Id, RegistrationId = otherId, State = EnrolmentState.Waiting, EnrolledAt = session.StartsAt.AddDays(-50) });
            await db.SaveChangesAsync();
            (sessionId, decisionId) = (session.Id, decision.Id);
        }

        var onTheDay = await RunOnAsync(deadline);
        Assert.Equal(0, onTheDay.Closed);
        var run = await RunOnAsync(deadline.AddDays(1));
        await RunOnAsync(deadline.AddDays(2)); // nothing more

        await using var check = portal.Services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<CqpDbContext>();
        var registration = await db2.Registrations.Include(r => r.History).SingleAsync(r => r.Id == registrationId);
        Assert.Equal(RegistrationState.Expired, registration.State);
        var change = Assert.Single(registration.History, h => h.To == RegistrationState.Expired);
        Assert.Equal(RegistrationState.Admissible, change.From);
        Assert.Null(change.ByUserId);
        Assert.Contains("15 mars 2035", change.Comment);
        Assert.True(run.Closed >= 1);
        // Acquired units stay on record.
        var units = await db2.JuryUnitResults.Where(u => u.JuryDecisionId == decisionId).Select(u => u.Validated).ToListAsync();
        Assert.Equal(2, units.Count(v => v));
        // The seat is freed and goes to the candidate waiting.
        var states = await db2.SessionEnrolments.Where(e => e.SessionId == sessionId).OrderBy(e => e.Id).Select(e => e.State).ToListAsync();
        Assert.Equal([EnrolmentState.Cancelled, EnrolmentState.Enrolled], states);
        Assert.Contains(MailsTo(otherEmail), m => m.Contains("Une place s'est libérée"));
        // The candidate is told once, with the units kept and how to start again; a new registration may be started.
        var closed = Assert.Single(MailsTo(email), m => m.Contains("délai dépassé"));
        Assert.Contains("unité 1", closed);
        Assert.Contains("unité 2", closed);
        Assert.Contains("nouvelle inscription", closed);
        Assert.True(RegistrationWizard.CanStartNew(registration));
    }

    [Fact]
    public async Task Staff_get_the_files_within_90_days_in_a_weekly_digest_sent_once_a_week()
    {
        var staff = await TestAccounts.CreateAsync(portal, Roles.Staff);
        var monday = new DateOnly(2037, 6, 1);
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
        await JourneyEndingOnAsync(monday.AddDays(45), "Bientot");
        await JourneyEndingOnAsync(monday.AddDays(120), "Pasencore");

        var run = await RunOnAsync(monday);
        await RunOnAsync(monday);
        await RunOnAsync(monday.AddDays(1)); // later the same week: no second digest

        var digest = Assert.Single(MailsTo(staff), m => m.Contains("Parcours proches de leur délai"));
        Assert.Contains("2037-W23", digest);
        Assert.Contains("Inès Bientot", digest);
        Assert.Contains("45 jours", digest);
        Assert.Contains("évaluation à passer", digest);
        Assert.DoesNotContain("Pasencore", digest);
        Assert.True(run.InDigest >= 1);

        await RunOnAsync(monday.AddDays(7)); // the next week's digest
        Assert.Equal(2, MailsTo(staff).Count(m => m.Contains("Parcours proches de leur délai")));
    }
}
