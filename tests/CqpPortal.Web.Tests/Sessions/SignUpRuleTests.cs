using System.Net;
using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Sessions;

/// <summary>
/// Each sign-up rule of the journey through the candidate's sessions page: the French reason shown, nothing saved, the
/// seat not taken; and staff see on the candidate's file why they cannot sign up.
/// </summary>
[Collection(PortalCollection.Name)]
public class SignUpRuleTests(DemoPortal portal)
{
    private sealed record Someone(PortalClient Client, int RegistrationId, string UserId) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private static DateOnly Today => DayInParis.Today(TimeProvider.System);

    private async Task<Someone> CandidateAsync(string lastName, CertificationRoute route = CertificationRoute.Training, DateOnly? admissibleOn = null,
        RegistrationState state = RegistrationState.Admissible)
    {
        var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate, $"Zoé {lastName}");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == client.Email);
        var registration = new Registration
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = route, State = state, EmploymentStatus = EmploymentStatus.Other,
            Region = Region.Est, RegisteredOn = Today.AddMonths(-3), AdmissibilityDecidedOn = admissibleOn ?? Today.AddMonths(-2), PrivacyConsentAt = DateTimeOffset.UtcNow,
        };
        db.Candidates.Add(new Candidate
        {
            UserId = user.Id, FirstName = "Zoé", LastName = lastName, Email = client.Email!, BirthDate = new DateOnly(1990, 1, 1), Sex = Sex.Female, Region = Region.Est,
            Registrations = [registration],
        });
        await db.SaveChangesAsync();
        return new Someone(client, registration.Id, user.Id);
    }

    private async Task<int> SessionAsync(int daysAhead, int capacity = 5, SessionKind kind = SessionKind.Evaluation)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var startsAt = DayInParis.At(Today.AddDays(daysAhead), new TimeOnly(9, 0)).ToUniversalTime();
        var session = new Session
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Kind = kind, StartsAt = startsAt, DurationMinutes = 220,
            PlaceName = "Centre des règles", Address = "2 rue des Règles", PostalCode = "67000", City = "Strasbourg", Region = Region.Est,
            Capacity = capacity, RegistrationDeadline = Today.AddDays(daysAhead - 3),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    /// <summary>Signs up through the page's form for that session; returns the message shown after the redirect.</summary>
    private static async Task<string> SignUpAsync(PortalClient client, int sessionId)
    {
        var (_, page) = await client.GetAsync("/Candidat/Sessions");
        var form = page.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "sessionId" && e.GetAttribute("value") == sessionId.ToString()));
        var response = await client.PostFormAsync(form, "/Candidat/Sessions?handler=SignUp", new Dictionary<string, string>());
        Assert.True(PortalClient.IsRedirectTo(response, "/Candidat/Sessions"), $"{response.StatusCode}");
        return (await client.GetAsync("/Candidat/Sessions")).Document.QuerySelector("[role=status]")!.TextContent;
    }

    private async Task<List<EnrolmentState>> EnrolmentsAsync(int sessionId, int registrationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().SessionEnrolments
            .Where(e => e.SessionId == sessionId && e.RegistrationId == registrationId).Select(e => e.State).ToListAsync();
    }

    private async Task<int> SeatsTakenAsync(int sessionId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().SessionEnrolments.CountAsync(e => e.SessionId == sessionId && e.State == EnrolmentState.Enrolled);
    }

    [Fact]
    public async Task A_candidate_past_the_journeys_deadline_cannot_sign_up_for_a_new_evaluation()
    {
        var sessionId = await SessionAsync(daysAhead: 20);
        using var late = await CandidateAsync("Tardive", admissibleOn: Today.AddMonths(-25));

        var message = await SignUpAsync(late.Client, sessionId);

        Assert.Contains("son délai est dépassé", message);
        Assert.Empty(await EnrolmentsAsync(sessionId, late.RegistrationId));
        Assert.Equal(0, await SeatsTakenAsync(sessionId));
    }

    [Fact]
    public async Task A_candidate_holding_a_coming_seat_cannot_take_a_second_one()
    {
        var first = await SessionAsync(daysAhead: 20);
        var second = await SessionAsync(daysAhead: 30);
        using var candidate = await CandidateAsync("Deuxplaces");
        Assert.Contains("Vous êtes inscrit(e)", await SignUpAsync(candidate.Client, first));

        var message = await SignUpAsync(candidate.Client, second);

        Assert.Contains("déjà inscrit(e) à une autre évaluation à venir", message);
        Assert.Empty(await EnrolmentsAsync(second, candidate.RegistrationId));
        Assert.Equal(0, await SeatsTakenAsync(second));
    }

    [Fact]
    public async Task A_candidate_on_a_waiting_list_cannot_queue_or_take_a_seat_elsewhere()
    {
        var full = await SessionAsync(daysAhead: 20, capacity: 1);
        var other = await SessionAsync(daysAhead: 30);
        using var first = await CandidateAsync("Occupante");
        using var waiting = await CandidateAsync("Patiente");
        await SignUpAsync(first.Client, full);
        Assert.Contains("liste d'attente", await SignUpAsync(waiting.Client, full));

        var message = await SignUpAsync(waiting.Client, other);

        Assert.Contains("déjà sur la liste d'attente d'une autre session", message);
        Assert.Empty(await EnrolmentsAsync(other, waiting.RegistrationId));
        Assert.Equal([EnrolmentState.Waiting], await EnrolmentsAsync(full, waiting.RegistrationId));
    }

    [Fact]
    public async Task A_vae_candidate_with_no_booklet_1_cannot_sign_up_for_a_vae_situation_and_can_once_it_is_admissible()
    {
        var situation = await SessionAsync(daysAhead: 25, kind: SessionKind.VaeSituation);
        using var vae = await CandidateAsync("Sanslivret", CertificationRoute.Vae);
        // Told before trying.
        Assert.Contains("livret 1", (await vae.Client.GetAsync("/Candidat/Sessions")).Document.GetElementById("inscription-impossible")!.TextContent);

        var message = await SignUpAsync(vae.Client, situation);

        Assert.Contains("livret 1", message);
        Assert.Empty(await EnrolmentsAsync(situation, vae.RegistrationId));
        // Staff see the same reason on the candidate's file.
        using (var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff))
        {
            var (_, file) = await staff.GetAsync($"/Staff/Recevabilite/Dossier/{vae.RegistrationId}");
            var line = file.GetElementById("inscription-evaluation")!.TextContent;
            Assert.Contains("Inscription à une évaluation : impossible", line);
            Assert.Contains("livret 1", line);
        }

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            db.Booklets.Add(new Booklet { RegistrationId = vae.RegistrationId, Kind = BookletKind.Admissibility, State = BookletState.Admissible });
            await db.SaveChangesAsync();
        }
        Assert.Contains("Vous êtes inscrit(e)", await SignUpAsync(vae.Client, situation));
    }

    [Fact]
    public async Task A_partially_validated_candidate_signs_up_within_the_deadline_only()
    {
        // Admissible 23 months and a half ago: the journey ends in about two weeks.
        var admissibleOn = Today.AddMonths(-24).AddDays(15);
        var before = await SessionAsync(daysAhead: 10);
        var after = await SessionAsync(daysAhead: 40);
        using var partial = await CandidateAsync("Partielle", admissibleOn: admissibleOn);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var certificationId = await db.Registrations.Where(r => r.Id == partial.RegistrationId).Select(r => r.CertificationId).SingleAsync();
            var units = await db.CertificationUnits.Where(u => u.CertificationId == certificationId).OrderBy(u => u.Number).Select(u => u.Id).ToListAsync();
            db.JuryDecisions.Add(new JuryDecision
            {
                RegistrationId = partial.RegistrationId, DecidedOn = Today.AddMonths(-3), Result = JuryResult.PartialValidation,
                UnitResults = units.Select((id, i) => new JuryUnitResult { UnitId = id, Validated = i < 2 }).ToList(),
            });
            await db.SaveChangesAsync();
        }

        Assert.Contains("après la fin de votre parcours", await SignUpAsync(partial.Client, after));
        Assert.Empty(await EnrolmentsAsync(after, partial.RegistrationId));
        Assert.Contains("Vous êtes inscrit(e)", await SignUpAsync(partial.Client, before));
    }

    [Theory]
    [InlineData(RegistrationState.Withdrawn, "abandon")]
    [InlineData(RegistrationState.Expired, "délai est dépassé")]
    public async Task A_closed_journey_takes_no_sign_up_and_says_how_to_start_again(RegistrationState state, string reason)
    {
        var sessionId = await SessionAsync(daysAhead: 20);
        using var closed = await CandidateAsync($"Close{(int)state}", state: state);

        var (_, page) = await closed.Client.GetAsync("/Candidat/Sessions");
        Assert.Contains("nouvelle inscription", page.Body!.TextContent);
        Assert.DoesNotContain(page.Forms, f => f.GetAttribute("action")!.Contains("handler=SignUp"));
        // Posting anyway is refused by the same rule.
        await using var scope = portal.Services.CreateAsyncScope();
        var decision = await scope.ServiceProvider.GetRequiredService<SessionEnrolments>().SignUpAsync(closed.UserId, sessionId);
        Assert.Equal(SignUpOutcome.Refused, decision.Outcome);
        Assert.Contains(reason, decision.Reason);
        Assert.Contains("nouvelle inscription", decision.Reason);
        Assert.Empty(await EnrolmentsAsync(sessionId, closed.RegistrationId));
    }

    [Fact]
    public async Task Staff_see_that_an_admissible_candidate_can_sign_up()
    {
        await SessionAsync(daysAhead: 20);
        using var ready = await CandidateAsync("Prete");
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var (response, file) = await staff.GetAsync($"/Staff/Recevabilite/Dossier/{ready.RegistrationId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Inscription à une évaluation : possible", file.GetElementById("inscription-evaluation")!.TextContent);
    }
}
