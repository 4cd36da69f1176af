using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Sessions;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Tests.Sessions;

[Collection(PortalCollection.Name)]
public class SessionSignUpTests(DemoPortal portal)
{
    private async Task<PortalClient> CandidateAsync(RegistrationState state, string lastName, CertificationRoute route = CertificationRoute.Training)
    {
        var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate, $"Zoé {lastName}");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == client.Email);
        db.Candidates.Add(new Candidate
        {
            UserId = user.Id, FirstName = "Zoé", LastName = lastName, Email = client.Email!, BirthDate = new DateOnly(1990, 1, 1), Sex = Sex.Female, Region = Region.Est,
            Registrations = [new Registration
            {
                CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = route, State = state, EmploymentStatus = EmploymentStatus.Other,
                Region = Region.Est, RegisteredOn = new DateOnly(2026, 9, 1), AdmissibilityDecidedOn = new DateOnly(2026, 9, 10), PrivacyConsentAt = DateTimeOffset.UtcNow,
            }],
        });
        await db.SaveChangesAsync();
        return client;
    }

    private async Task<int> SessionAsync(int capacity, int daysAhead = 40, SessionKind kind = SessionKind.Evaluation, Region region = Region.Est)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        // 09:00 in Paris, N calendar days after today in Paris (the reminders count Paris days).
        var startsAt = DayInParis.At(DayInParis.Today(TimeProvider.System).AddDays(daysAhead), new TimeOnly(9, 0)).ToUniversalTime();
        var session = new Session
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Kind = kind, StartsAt = startsAt,
            DurationMinutes = 220, PlaceName = "Centre d'essai", Address = "1 rue des Tests", PostalCode = "67000", City = "Strasbourg", Region = region,
            Capacity = capacity, RegistrationDeadline = DayInParis.Of(startsAt).AddDays(-7),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    private static async Task<string> SignUpAsync(PortalClient client, int sessionId)
    {
        var (_, page) = await client.GetAsync("/Candidat/Sessions");
        var form = page.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "sessionId" && e.GetAttribute("value") == sessionId.ToString()));
        var response = await client.PostFormAsync(form, "/Candidat/Sessions?handler=SignUp", new Dictionary<string, string>());
        Assert.True(PortalClient.IsRedirectTo(response, "/Candidat/Sessions"), $"{response.StatusCode}");
        return (await client.GetAsync("/Candidat/Sessions")).Document.QuerySelector("[role=status]")!.TextContent;
    }

    [Fact]
    public async Task The_last_seat_goes_to_the_first_then_a_waiting_list_and_a_cancellation_promotes_the_next()
    {
        var sessionId = await SessionAsync(capacity: 1);
        using var first = await CandidateAsync(RegistrationState.Admissible, "Premiere");
        using var second = await CandidateAsync(RegistrationState.Admissible, "Seconde");

        Assert.Contains("Vous êtes inscrit(e)", await SignUpAsync(first, sessionId));
        var convened = portal.Mail.LatestTo(first.Email!);
        Assert.Contains("convocation", convened);
        // Issue 17: the PDF is in « Mes documents » (not « Mes sessions »), and the e-mail links to the portal's pages.
        Assert.Contains("Votre convocation (PDF) est dans votre espace candidat, rubrique « Mes documents »", convened);
        Assert.Contains("/Candidat#documents", convened);
        Assert.Contains($"/calendrier/{sessionId}", convened);
        Assert.DoesNotContain("convocation (PDF) et l'événement pour votre agenda sont dans votre espace candidat, rubrique « Mes sessions »", convened);
        Assert.Contains("liste d'attente", await SignUpAsync(second, sessionId));

        // The convocation is a PDF in the first candidate's documents.
        var (_, home) = await first.GetAsync("/Candidat");
        var link = home.QuerySelectorAll("a").First(a => a.TextContent.StartsWith("Convocation")).GetAttribute("href")!;
        var pdf = PdfText.Of(await (await first.Http.GetAsync(link)).Content.ReadAsByteArrayAsync());
        Assert.Contains("Centre d'essai", pdf);
        Assert.Contains("Zoé Premiere", pdf);

        // The first gives the seat back: the second gets it, with an e-mail and a convocation.
        var (_, mine) = await first.GetAsync("/Candidat/Sessions");
        var cancel = mine.Forms.Single(f => f.GetAttribute("action")!.Contains("handler=Cancel"));
        Assert.True(PortalClient.IsRedirectTo(await first.PostFormAsync(cancel, "/Candidat/Sessions", new Dictionary<string, string>()), "/Candidat/Sessions"));
        Assert.Contains("Une place s'est libérée", portal.Mail.LatestTo(second.Email!));

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var states = await db.SessionEnrolments.Where(e => e.SessionId == sessionId).OrderBy(e => e.Id).Select(e => e.State).ToListAsync();
        Assert.Equal([EnrolmentState.Cancelled, EnrolmentState.Enrolled], states);
        Assert.Equal(1, await db.CandidateDocuments.CountAsync(d => d.Candidate!.Email == second.Email && d.Title.StartsWith("Convocation")));
    }

    [Fact]
    public async Task The_calendar_entry_is_served_to_its_owner_only()
    {
        var sessionId = await SessionAsync(capacity: 5);
        using var owner = await CandidateAsync(RegistrationState.Admissible, "Agenda");
        await SignUpAsync(owner, sessionId);
        await using var scope = portal.Services.CreateAsyncScope();
        var enrolmentId = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().SessionEnrolments
            .Where(e => e.SessionId == sessionId).Select(e => e.Id).SingleAsync();

        var ics = await owner.Http.GetAsync($"/Candidat/Sessions/Agenda/{enrolmentId}");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VEVENT", text);
        Assert.Matches(@"DTSTART:\d{8}T0[78]0000Z", text); // 09:00 Paris is 08:00 UTC in winter, 07:00 in summer
        Assert.Contains("LOCATION:Centre d'essai\\, 1 rue des Tests\\, 67000 Strasbourg", text);
        Assert.Matches($@"\r\nURL:https?://[^\r]+/calendrier/{sessionId}\r\n", text); // the session's page, from Portal:PublicUrl

        using var other = await CandidateAsync(RegistrationState.Admissible, "Curieux");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Candidat/Sessions/Agenda/{enrolmentId}")).StatusCode);
        using var anonymous = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync($"/Candidat/Sessions/Agenda/{enrolmentId}"), "/Compte/Connexion"));
    }

    [Fact]
    public async Task Sessions_are_offered_in_the_candidates_region_first_then_its_area_then_the_others()
    {
        var elsewhere = await SessionAsync(capacity: 5, daysAhead: 30, region: Region.Occitanie);
        var sameArea = await SessionAsync(capacity: 5, daysAhead: 50, region: Region.GrandEst);
        var ownRegion = await SessionAsync(capacity: 5, daysAhead: 70, region: Region.Est);
        using var client = await CandidateAsync(RegistrationState.Admissible, "Region");

        var (_, page) = await client.GetAsync("/Candidat/Sessions");
        var order = page.Forms.SelectMany(f => f.Elements).Where(e => e.GetAttribute("name") == "sessionId").Select(e => int.Parse(e.GetAttribute("value")!)).ToList();
        Assert.True(order.IndexOf(ownRegion) < order.IndexOf(sameArea) && order.IndexOf(sameArea) < order.IndexOf(elsewhere), string.Join(",", order));
        Assert.Contains("Les sessions de votre région (Est) sont en tête de liste", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_candidate_cannot_cancel_someone_elses_seat_by_changing_the_id()
    {
        var sessionId = await SessionAsync(capacity: 5);
        using var owner = await CandidateAsync(RegistrationState.Admissible, "Titulaire");
        await SignUpAsync(owner, sessionId);
        using var intruder = await CandidateAsync(RegistrationState.Admissible, "Intrus");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var enrolmentId = await db.SessionEnrolments.Where(e => e.SessionId == sessionId).Select(e => e.Id).SingleAsync();

        // The intruder posts their own page's form with the owner's enrolment id.
        var (_, page) = await intruder.GetAsync("/Candidat/Sessions");
        var anyForm = page.Forms.First(f => f.GetAttribute("method") == "post" && f.GetAttribute("action")!.Contains("handler=SignUp"));
        var token = anyForm.Elements.Single(e => e.GetAttribute("name") == "__RequestVerificationToken").GetAttribute("value")!;
        var response = await intruder.Http.PostAsync("/Candidat/Sessions?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["enrolmentId"] = enrolmentId.ToString(),
        }));
        Assert.True(PortalClient.IsRedirectTo(response, "/Candidat/Sessions"));
        var (_, after) = await intruder.GetAsync("/Candidat/Sessions");
        Assert.Contains("ne peut plus être annulée", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(EnrolmentState.Enrolled, (await db.SessionEnrolments.AsNoTracking().SingleAsync(e => e.Id == enrolmentId)).State);
    }

    [Fact]
    public async Task A_jury_convocation_cannot_be_cancelled_by_the_candidate()
    {
        var juryId = await SessionAsync(capacity: 5, kind: SessionKind.Jury);
        using var convened = await CandidateAsync(RegistrationState.Admissible, "Convoquee");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var registrationId = await db.Registrations.Where(r => r.Candidate!.Email == convened.Email).Select(r => r.Id).SingleAsync();
        var enrolment = new SessionEnrolment { SessionId = juryId, RegistrationId = registrationId, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow };
        db.SessionEnrolments.Add(enrolment);
        await db.SaveChangesAsync();

        var (_, page) = await convened.GetAsync("/Candidat/Sessions");
        Assert.Contains("Convocation de l'organisme", page.Body!.TextContent);
        Assert.DoesNotContain(page.Forms, f => f.GetAttribute("action")!.Contains("handler=Cancel"));
        // Posting the cancellation anyway changes nothing.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await convened.Http.PostAsync("/Candidat/Sessions?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["enrolmentId"] = enrolment.Id.ToString(),
        }));
        Assert.True(PortalClient.IsRedirectTo(response, "/Candidat/Sessions"));
        Assert.Contains("ne peut plus être annulée", (await convened.GetAsync("/Candidat/Sessions")).Document.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(EnrolmentState.Enrolled, (await db.SessionEnrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id)).State);
    }

    [Fact]
    public async Task A_candidate_not_yet_admissible_cannot_sign_up_even_by_posting_directly()
    {
        var sessionId = await SessionAsync(capacity: 5);
        using var waiting = await CandidateAsync(RegistrationState.Submitted, "Attente");
        var (_, page) = await waiting.GetAsync("/Candidat/Sessions");
        Assert.Contains("dès que votre candidature aura été déclarée recevable", page.Body!.TextContent);
        await using var scope = portal.Services.CreateAsyncScope();
        var enrolments = scope.ServiceProvider.GetRequiredService<SessionEnrolments>();
        var userId = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Users.Where(u => u.Email == waiting.Email).Select(u => u.Id).SingleAsync();
        var decision = await enrolments.SignUpAsync(userId, sessionId);
        Assert.Equal(CqpPortal.Domain.Sessions.SignUpOutcome.Refused, decision.Outcome);
        Assert.Contains("recevable", decision.Reason);
    }

    [Fact]
    public async Task Reminders_go_out_fourteen_and_two_days_before_once_each()
    {
        var in14 = await SessionAsync(capacity: 5, daysAhead: 14);
        var in2 = await SessionAsync(capacity: 5, daysAhead: 2);
        using var a = await CandidateAsync(RegistrationState.Admissible, "Rappel");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var registrationId = await db.Registrations.Where(r => r.Candidate!.Email == a.Email).Select(r => r.Id).SingleAsync();
        db.SessionEnrolments.AddRange(
            new SessionEnrolment { SessionId = in14, RegistrationId = registrationId, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow },
            new SessionEnrolment { SessionId = in2, RegistrationId = registrationId, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();

        var reminders = scope.ServiceProvider.GetRequiredService<SessionReminders>();
        await reminders.SendDueAsync();
        await reminders.SendDueAsync(); // a second run the same day sends nothing again
        var mails = portal.Mail.All().Where(m => m.Contains(a.Email!) && m.Contains("Rappel : votre session")).ToList();
        Assert.Single(mails, m => m.Contains("dans 14 jours"));
        Assert.Single(mails, m => m.Contains("dans 2 jours"));
    }

    [Fact]
    public void The_reminder_job_is_a_recurring_job_every_morning_at_eight_in_paris()
    {
        using var connection = portal.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == CqpPortal.Web.Jobs.SessionReminderJob.Id);
        Assert.Equal("0 8 * * *", job.Cron);
        Assert.Equal("Europe/Paris", job.TimeZoneId);
    }
}
