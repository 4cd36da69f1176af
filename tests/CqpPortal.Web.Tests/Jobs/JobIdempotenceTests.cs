using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Sessions;
using CqpPortal.Web.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Tests.Jobs;

/// <summary>
/// The daily e-mail jobs run twice the same day, and twice at once (two servers), and still send each e-mail once:
/// the unique key in SentNotifications decides, not a check before sending. A fake clock far ahead, so nothing else
/// of the shared demo database is due that day.
/// </summary>
[Collection(PortalCollection.Name)]
public class JobIdempotenceTests(DemoPortal portal)
{
    private static readonly DateTimeOffset Morning = new(2031, 3, 10, 7, 0, 0, TimeSpan.Zero); // 08:00 in Paris

    private int MailsTo(string email, string subject) =>
        portal.Mail.All().Count(m => m.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase) && m.Contains(subject));

    private static DateTimeOffset ParisMorning(DateOnly day) => DayInParis.At(day, new TimeOnly(9, 0)).ToUniversalTime();

    /// <summary>Runs <paramref name="run"/> twice at once, each in its own scope (its own connection), then once more.</summary>
    private async Task RunTwiceAtOnceThenAgainAsync<T>(Func<T, Task> run) where T : notnull
    {
        var clock = new FakeTimeProvider(Morning);
        async Task OnceAsync()
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await run(ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider, clock));
        }
        await Task.WhenAll(OnceAsync(), OnceAsync());
        clock.Advance(TimeSpan.FromHours(3)); // a retry later the same day
        await OnceAsync();
    }

    [Fact]
    public async Task The_reminder_job_run_twice_and_on_two_servers_at_once_sends_each_reminder_once()
    {
        var email = await TestAccounts.CreateAsync(portal, Identity.Roles.Candidate);
        var today = DayInParis.Of(Morning);
        var enrolments = new List<SessionEnrolment>();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var certificationId = await db.Certifications.Select(c => c.Id).FirstAsync();
            Session Make(int daysAhead) => new()
            {
                CertificationId = certificationId, Kind = SessionKind.Evaluation, StartsAt = ParisMorning(today.AddDays(daysAhead)), DurationMinutes = 180,
                PlaceName = "Centre d'essai", Address = "1 rue des Tests", PostalCode = "67000", City = "Strasbourg", Region = Region.Est, Capacity = 5,
                RegistrationDeadline = today.AddDays(daysAhead - 7),
            };
            var registration = new Registration
            {
                CertificationId = certificationId, Route = CertificationRoute.Training, State = RegistrationState.Admissible, EmploymentStatus = EmploymentStatus.Other,
                Region = Region.Est, RegisteredOn = today.AddMonths(-2),
            };
            db.Candidates.Add(new Candidate
            {
                UserId = (await db.Users.SingleAsync(u => u.Email == email)).Id, FirstName = "Zoé", LastName = "Deuxfois", Email = email,
                BirthDate = new DateOnly(1990, 1, 1), Sex = Sex.Female, Region = Region.Est, Registrations = [registration],
            });
            foreach (var days in new[] { 14, 2 })
                enrolments.Add(new SessionEnrolment { Session = Make(days), Registration = registration, State = EnrolmentState.Enrolled, EnrolledAt = Morning.AddDays(-30) });
            db.SessionEnrolments.AddRange(enrolments);
            await db.SaveChangesAsync();
        }

        await RunTwiceAtOnceThenAgainAsync<SessionReminders>(reminders => reminders.SendDueAsync());

        Assert.Equal(1, MailsTo(email, "dans 14 jours"));
        Assert.Equal(1, MailsTo(email, "dans 2 jours"));
        await using var check = portal.Services.CreateAsyncScope();
        string[] expected = [SessionReminders.ReminderKey(14, enrolments[0].Id, ParisMorning(today.AddDays(14))), SessionReminders.ReminderKey(2, enrolments[1].Id, ParisMorning(today.AddDays(2)))];
        var keys = await check.ServiceProvider.GetRequiredService<CqpDbContext>().SentNotifications.Where(n => expected.Contains(n.Key)).Select(n => n.Key).ToListAsync();
        Assert.Equal(expected.Order(), keys.Order());
    }

    [Fact]
    public async Task The_survey_job_run_twice_and_on_two_servers_at_once_invites_each_holder_once()
    {
        var email = await TestAccounts.CreateAsync(portal, Identity.Roles.Candidate);
        var today = DayInParis.Of(Morning);
        int registrationId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var registration = new Registration
            {
                CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Training, State = RegistrationState.Admissible,
                EducationLevel = 4, EmploymentStatus = EmploymentStatus.Employee, Region = Region.Ouest, RegisteredOn = today.AddMonths(-16),
                JuryDecisions = [new JuryDecision { DecidedOn = today.AddMonths(-6), Result = JuryResult.TotalValidation }],
            };
            db.Candidates.Add(new Candidate
            {
                UserId = (await db.Users.SingleAsync(u => u.Email == email)).Id, Email = email, FirstName = "Sofia", LastName = "Deuxfois",
                BirthDate = new DateOnly(1990, 3, 4), Sex = Sex.Female, Region = Region.Ouest, Registrations = [registration],
            });
            await db.SaveChangesAsync();
            registrationId = registration.Id;
        }

        await RunTwiceAtOnceThenAgainAsync<HolderSurveys>(surveys => surveys.InviteDueAsync(id => $"http://localhost/Candidat/Enquete/{id}"));

        Assert.Equal(1, MailsTo(email, "situation 6 mois"));
        await using var check = portal.Services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<CqpDbContext>();
        Assert.Equal(1, await db2.HolderSurveys.CountAsync(s => s.RegistrationId == registrationId));
        Assert.True(await db2.SentNotifications.AnyAsync(n => n.Key == HolderSurveys.InvitationKey(registrationId, SurveyWave.SixMonths)));
    }
}
