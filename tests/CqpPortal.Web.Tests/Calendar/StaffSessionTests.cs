using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Calendar;

[Collection(PortalCollection.Name)]
public class StaffSessionTests(DemoPortal portal)
{
    private static Dictionary<string, string> Form(string date, string place, string deadline, bool confirm = false) => new()
    {
        ["Input.Kind"] = "Evaluation", ["Input.Date"] = date, ["Input.Start"] = "09:30", ["Input.DurationMinutes"] = "220",
        ["Input.PlaceName"] = place, ["Input.Address"] = "5 rue de la Paix", ["Input.PostalCode"] = "59000", ["Input.City"] = "Lille",
        ["Input.Region"] = "Nord", ["Input.Capacity"] = "10", ["Input.RegistrationDeadline"] = deadline, ["Input.ConfirmDate"] = confirm ? "true" : "false",
    };

    [Fact]
    public async Task A_december_date_is_warned_then_confirmed_and_the_session_appears_in_the_public_calendar_at_paris_time()
    {
        var year = DateTime.UtcNow.Year + 1;
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var place = $"Salle {Guid.NewGuid():N}"[..14];

        var warned = await staff.SubmitAsync("/Staff/Sessions/Edition", Form($"{year}-12-15", place, $"{year}-12-01"));
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await PortalClient.ParseAsync(warned);
        Assert.Contains("trois dernières semaines de décembre", page.QuerySelector("#date-advice")!.TextContent);
        Assert.Equal(place, page.QuerySelector("#Input_PlaceName")!.GetAttribute("value"));

        var confirmed = await staff.PostFormAsync(page.Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Date")), "/Staff/Sessions/Edition",
            Form($"{year}-12-15", place, $"{year}-12-01", confirm: true));
        Assert.True(PortalClient.IsRedirectTo(confirmed, "/Staff/Sessions"), $"{confirmed.StatusCode}");

        await using var scope = portal.Services.CreateAsyncScope();
        var session = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.SingleAsync(s => s.PlaceName == place);
        Assert.Equal(new DateTimeOffset(year, 12, 15, 8, 30, 0, TimeSpan.Zero), session.StartsAt); // 09:30 in Paris, winter time
        using var visitor = PortalClient.For(portal);
        var (_, publicPage) = await visitor.GetAsync($"/calendrier/{session.Id}");
        Assert.Contains($"15 décembre {year} à 09 h 30", publicPage.Body!.TextContent);
    }

    [Fact]
    public async Task A_deadline_after_the_session_is_refused()
    {
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var response = await staff.SubmitAsync("/Staff/Sessions/Edition", Form("2030-06-12", "Salle test", "2030-06-20"));
        Assert.Contains("doit précéder la session", (await PortalClient.ParseAsync(response)).QuerySelector("#deadline-error")!.TextContent);
    }

    [Fact]
    public async Task Cancelling_a_session_emails_the_people_enrolled_or_waiting()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var session = new Session
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Kind = SessionKind.Evaluation, StartsAt = DateTimeOffset.UtcNow.AddDays(50),
            DurationMinutes = 220, PlaceName = "Salle annulée", Address = "1 rue", PostalCode = "59000", City = "Lille", Region = Region.Nord, Capacity = 5,
            RegistrationDeadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)),
        };
        var registrations = await db.Registrations.Where(r => r.State == RegistrationState.Admissible).OrderBy(r => r.Id).Take(2).Include(r => r.Candidate).ToListAsync();
        session.Enrolments.Add(new SessionEnrolment { RegistrationId = registrations[0].Id, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow });
        session.Enrolments.Add(new SessionEnrolment { RegistrationId = registrations[1].Id, State = EnrolmentState.Waiting, EnrolledAt = DateTimeOffset.UtcNow });
        db.Sessions.Add(session);
        await db.SaveChangesAsync();

        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var cancelled = await staff.SubmitAsync($"/Staff/Sessions/Edition/{session.Id}", new Dictionary<string, string> { ["reason"] = "Salle indisponible." });
        Assert.True(PortalClient.IsRedirectTo(cancelled, "/Staff/Sessions"));
        foreach (var r in registrations)
            Assert.Contains("Salle indisponible.", portal.Mail.LatestTo(r.Candidate!.Email));
        using var visitor = PortalClient.For(portal);
        var (_, page) = await visitor.GetAsync($"/calendrier/{session.Id}");
        Assert.Contains("Session annulée : Salle indisponible.", page.Body!.TextContent);
    }

    [Fact]
    public async Task Only_staff_manage_sessions()
    {
        using var candidate = PortalClient.For(portal);
        await candidate.LoginAsync("candidat@cqp.test");
        Assert.True(PortalClient.IsRedirectTo(await candidate.Http.GetAsync("/Staff/Sessions/Edition"), "/Compte/AccesRefuse"));
    }
}
