using System.Net;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Registrations;

/// <summary>« Abandon »: the candidate's own from their home, and one staff record with a reason; both close the journey.</summary>
[Collection(PortalCollection.Name)]
public class WithdrawalTests(DemoPortal portal)
{
    private static DateOnly Today => DayInParis.Today(TimeProvider.System);

    /// <summary>An admissible candidate with a seat in a coming evaluation of one seat, and another candidate waiting for it.</summary>
    private async Task<(PortalClient Client, int RegistrationId, int EnrolmentId, string WaitingEmail)> EnrolledCandidateAsync(string lastName)
    {
        var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate, $"Zoé {lastName}");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == client.Email);
        var certificationId = await db.Certifications.Select(c => c.Id).FirstAsync();
        Registration Admissible() => new()
        {
            CertificationId = certificationId, Route = CertificationRoute.Training, State = RegistrationState.Admissible, EmploymentStatus = EmploymentStatus.Other,
            Region = Region.Nord, RegisteredOn = Today.AddMonths(-3), AdmissibilityDecidedOn = Today.AddMonths(-2), PrivacyConsentAt = DateTimeOffset.UtcNow,
        };
        var registration = Admissible();
        var waiting = Admissible();
        var waitingEmail = $"attente-{Guid.NewGuid():N}"[..20] + "@exemple.fr";
        db.Candidates.AddRange(
            new Candidate { UserId = user.Id, FirstName = "Zoé", LastName = lastName, Email = client.Email!, BirthDate = new DateOnly(1990, 1, 1), Sex = Sex.Female, Region = Region.Nord, Registrations = [registration] },
            new Candidate { FirstName = "Yann", LastName = "Attente", Email = waitingEmail, BirthDate = new DateOnly(1991, 1, 1), Sex = Sex.Male, Region = Region.Nord, Registrations = [waiting] });
        var session = new Session
        {
            CertificationId = certificationId, Kind = SessionKind.Evaluation, StartsAt = DayInParis.At(Today.AddDays(30), new TimeOnly(9, 0)).ToUniversalTime(),
            DurationMinutes = 220, PlaceName = "Centre de l'abandon", Address = "4 rue du Départ", PostalCode = "59000", City = "Lille", Region = Region.Nord,
            Capacity = 1, RegistrationDeadline = Today.AddDays(25),
        };
        var enrolment = new SessionEnrolment { Session = session, Registration = registration, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow.AddDays(-2) };
        db.SessionEnrolments.AddRange(enrolment,
            new SessionEnrolment { Session = session, Registration = waiting, State = EnrolmentState.Waiting, EnrolledAt = DateTimeOffset.UtcNow.AddDays(-1) });
        await db.SaveChangesAsync();
        return (client, registration.Id, enrolment.Id, waitingEmail);
    }

    [Fact]
    public async Task A_candidate_withdraws_from_their_home_after_confirming_and_the_seat_goes_to_the_next()
    {
        var (client, registrationId, enrolmentId, waitingEmail) = await EnrolledCandidateAsync("Partante");
        using var _ = client;
        var (_, home) = await client.GetAsync("/Candidat");
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Candidat/Abandon");

        // Without the confirmation: refused in French, the reason typed is shown back.
        var unconfirmed = await client.SubmitAsync("/Candidat/Abandon", new Dictionary<string, string> { ["Input.Reason"] = "Nouvel emploi" });
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var page = await PortalClient.ParseAsync(unconfirmed);
        Assert.Contains("Cochez la case pour confirmer", page.Body!.TextContent);
        Assert.Equal("Nouvel emploi", page.QuerySelector("textarea[name='Input.Reason']")!.TextContent.Trim());

        var confirmed = await client.SubmitAsync("/Candidat/Abandon", new Dictionary<string, string> { ["Input.Reason"] = "Nouvel emploi", ["Input.Confirm"] = "true" });
        Assert.True(PortalClient.IsRedirectTo(confirmed, "/Candidat"), $"{confirmed.StatusCode}");

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var registration = await db.Registrations.AsNoTracking().Include(r => r.History).SingleAsync(r => r.Id == registrationId);
        Assert.Equal(RegistrationState.Withdrawn, registration.State);
        var change = Assert.Single(registration.History, h => h.To == RegistrationState.Withdrawn);
        Assert.Equal(await db.Users.Where(u => u.Email == client.Email).Select(u => u.Id).SingleAsync(), change.ByUserId);
        Assert.Contains("Nouvel emploi", change.Comment);
        Assert.Equal(EnrolmentState.Cancelled, (await db.SessionEnrolments.AsNoTracking().SingleAsync(e => e.Id == enrolmentId)).State);
        Assert.Contains("Une place s'est libérée", portal.Mail.LatestTo(waitingEmail));

        // The history shows it, and the candidate may start again.
        var (_, after) = await client.GetAsync("/Candidat");
        var text = after.Body!.TextContent;
        Assert.Contains("Parcours abandonné", text);
        Assert.Contains("Déposer une nouvelle inscription", text);
        Assert.DoesNotContain(after.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Candidat/Abandon");
    }

    [Fact]
    public async Task Staff_record_an_abandon_with_a_required_reason_and_the_candidate_is_told()
    {
        var (client, registrationId, enrolmentId, _) = await EnrolledCandidateAsync("Enregistree");
        using var _ = client;
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Agnès Organisme");
        var url = $"/Staff/Recevabilite/Abandon/{registrationId}";

        var empty = await staff.SubmitAsync(url, new Dictionary<string, string> { ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Indiquez le motif de l'abandon", (await PortalClient.ParseAsync(empty)).Body!.TextContent);
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.Equal(RegistrationState.Admissible, await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Registrations.Where(r => r.Id == registrationId).Select(r => r.State).SingleAsync());

        var recorded = await staff.SubmitAsync(url, new Dictionary<string, string> { ["Input.Reason"] = "Appel du candidat : déménagement" });
        Assert.True(PortalClient.IsRedirectTo(recorded, $"/Staff/Recevabilite/Dossier/{registrationId}"), $"{recorded.StatusCode}");

        var mail = portal.Mail.LatestTo(client.Email!);
        Assert.Contains("Abandon de votre parcours", mail);
        Assert.Contains("Appel du candidat : déménagement", mail);
        var (_, file) = await staff.GetAsync($"/Staff/Recevabilite/Dossier/{registrationId}");
        var history = file.QuerySelector("table")!.TextContent;
        Assert.Contains("Recevable → Abandon", history);
        Assert.Contains("Agnès Organisme", history);
        Assert.Contains("déménagement", history);
        Assert.Contains("impossible", file.GetElementById("inscription-evaluation")!.TextContent);
        await using var check = portal.Services.CreateAsyncScope();
        Assert.Equal(EnrolmentState.Cancelled, (await check.ServiceProvider.GetRequiredService<CqpDbContext>().SessionEnrolments.SingleAsync(e => e.Id == enrolmentId)).State);

        // A second record is refused: the journey is already closed.
        var again = await staff.SubmitAsync(url, new Dictionary<string, string> { ["Input.Reason"] = "Doublon" });
        Assert.Contains("déjà clos", (await PortalClient.ParseAsync(again)).Body!.TextContent);
    }

    [Fact]
    public async Task An_unknown_file_gets_a_404_and_candidates_cannot_reach_the_staff_page()
    {
        var (client, registrationId, _, _) = await EnrolledCandidateAsync("Protegee");
        using var _ = client;
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/Staff/Recevabilite/Abandon/999999")).StatusCode);
        var asCandidate = await client.Http.GetAsync($"/Staff/Recevabilite/Abandon/{registrationId}");
        Assert.NotEqual(HttpStatusCode.OK, asCandidate.StatusCode);
    }
}
