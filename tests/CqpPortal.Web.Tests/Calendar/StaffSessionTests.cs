using System.Net;
using AngleSharp.Html.Dom;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Calendar;

[Collection(PortalCollection.Name)]
public class StaffSessionTests(DemoPortal portal)
{
    private static Dictionary<string, string> Form(string date, string place, string deadline, string start = "09:30", string capacity = "10") => new()
    {
        ["Input.Kind"] = "Evaluation", ["Input.Date"] = date, ["Input.Start"] = start, ["Input.DurationMinutes"] = "220",
        ["Input.PlaceName"] = place, ["Input.Address"] = "5 rue de la Paix", ["Input.PostalCode"] = "59000", ["Input.City"] = "Lille",
        ["Input.Region"] = "Nord", ["Input.Capacity"] = capacity, ["Input.RegistrationDeadline"] = deadline,
    };

    private static string UniquePlace() => $"Salle {Guid.NewGuid():N}"[..14];

    private static IHtmlFormElement SessionForm(IHtmlDocument page) => page.Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Date"));

    private async Task<Session> SessionAtAsync(string place)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.AsNoTracking().SingleAsync(s => s.PlaceName == place);
    }

    private async Task<PortalClient> StaffAsync()
    {
        var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        return staff;
    }

    [Fact]
    public async Task A_december_date_is_warned_then_confirmed_and_the_session_appears_in_the_public_calendar_at_paris_time()
    {
        var year = DateTime.UtcNow.Year + 1;
        using var staff = await StaffAsync();
        var place = UniquePlace();

        var warned = await staff.SubmitAsync("/Staff/Sessions/Edition", Form($"{year}-12-15", place, $"{year}-12-01"));
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await PortalClient.ParseAsync(warned);
        Assert.Contains("éviter les trois dernières semaines de décembre", page.QuerySelector("#date-advice")!.TextContent);
        Assert.Equal("Cette date est déconseillée : cochez la confirmation ou choisissez une autre date.", page.QuerySelector("#date-error")!.TextContent);
        Assert.Equal("Je confirme cette date malgré l'avertissement", page.QuerySelector("label[for=Input_ConfirmDate]")!.TextContent);
        Assert.Equal(place, page.QuerySelector("#Input_PlaceName")!.GetAttribute("value")); // nothing typed is lost
        Assert.Equal("5 rue de la Paix", page.QuerySelector("#Input_Address")!.GetAttribute("value"));
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.AnyAsync(s => s.PlaceName == place));

        var confirmed = await staff.PostFormAsync(SessionForm(page), "/Staff/Sessions/Edition",
            new Dictionary<string, string>(Form($"{year}-12-15", place, $"{year}-12-01")) { ["Input.ConfirmDate"] = "true" });
        Assert.True(PortalClient.IsRedirectTo(confirmed, "/Staff/Sessions"), $"{confirmed.StatusCode}");

        var session = await SessionAtAsync(place);
        Assert.Equal(new DateTimeOffset(year, 12, 15, 8, 30, 0, TimeSpan.Zero), session.StartsAt); // 09:30 in Paris, winter time
        using var visitor = PortalClient.For(portal);
        var (_, publicPage) = await visitor.GetAsync($"/calendrier/{session.Id}");
        Assert.Contains($"15 décembre {year} à 9 h 30", publicPage.Body!.TextContent);
    }

    [Fact]
    public async Task A_confirmation_does_not_carry_over_to_another_advised_date()
    {
        var year = DateTime.UtcNow.Year + 1;
        using var staff = await StaffAsync();
        var place = UniquePlace();
        var (_, blank) = await staff.GetAsync("/Staff/Sessions/Edition");
        var first = await PortalClient.ParseAsync(await staff.PostFormAsync(SessionForm(blank), "/Staff/Sessions/Edition", Form($"{year}-12-15", place, $"{year}-12-01")));

        // The box is ticked, but the date changed to another one advised against: its own warning must be confirmed.
        var changed = await staff.PostFormAsync(SessionForm(first), "/Staff/Sessions/Edition",
            new Dictionary<string, string>(Form($"{year}-05-29", place, $"{year}-05-01")) { ["Input.ConfirmDate"] = "true" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var page = await PortalClient.ParseAsync(changed);
        Assert.Contains("éviter les fins de mois", page.QuerySelector("#date-advice")!.TextContent);
        Assert.False(((IHtmlInputElement)page.QuerySelector("#Input_ConfirmDate")!).IsChecked);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.AnyAsync(s => s.PlaceName == place));
    }

    [Fact]
    public async Task Staff_change_a_session_and_the_calendar_shows_the_new_time_and_seats()
    {
        var year = DateTime.UtcNow.Year + 1;
        using var staff = await StaffAsync();
        var place = UniquePlace();
        Assert.True(PortalClient.IsRedirectTo(await staff.SubmitAsync("/Staff/Sessions/Edition", Form($"{year}-07-07", place, $"{year}-06-20")), "/Staff/Sessions"));
        var session = await SessionAtAsync(place);

        var (_, edit) = await staff.GetAsync($"/Staff/Sessions/Edition/{session.Id}");
        Assert.Equal($"{year}-07-07", edit.QuerySelector("#Input_Date")!.GetAttribute("value"));
        Assert.Equal("09:30", edit.QuerySelector("#Input_Start")!.GetAttribute("value")?[..5]);
        var changed = await staff.PostFormAsync(SessionForm(edit), $"/Staff/Sessions/Edition/{session.Id}", Form($"{year}-07-08", place, $"{year}-06-20", start: "14:00", capacity: "4"));
        Assert.True(PortalClient.IsRedirectTo(changed, "/Staff/Sessions"), $"{changed.StatusCode}");

        var after = await SessionAtAsync(place);
        Assert.Equal(session.Id, after.Id);
        Assert.Equal(new DateTimeOffset(year, 7, 8, 12, 0, 0, TimeSpan.Zero), after.StartsAt); // 14:00 in Paris, summer time
        Assert.Equal(4, after.Capacity);
        var (_, list) = await staff.GetAsync("/Staff/Sessions");
        Assert.Contains("Session modifiée.", list.Body!.TextContent);
        using var visitor = PortalClient.For(portal);
        var (_, publicPage) = await visitor.GetAsync($"/calendrier/{session.Id}");
        Assert.Contains($"8 juillet {year} à 14 h", publicPage.Body!.TextContent);
        Assert.Contains("4 restante(s) sur 4", publicPage.Body!.TextContent);
    }

    [Theory]
    [InlineData("Input.RegistrationDeadline", "2030-06-20", "#deadline-error", "ne peut pas être après la date de la session")]
    [InlineData("Input.Capacity", "0", "#capacity-error", "compris entre 1 et 200")]
    [InlineData("Input.PostalCode", "590", "#postal-error", "5 chiffres")]
    [InlineData("Input.Start", "", "#start-error", "Saisissez l'heure de début.")]
    public async Task A_wrong_field_is_refused_in_french_next_to_the_field(string field, string value, string errorId, string message)
    {
        using var staff = await StaffAsync();
        var place = UniquePlace();
        var response = await staff.SubmitAsync("/Staff/Sessions/Edition", new Dictionary<string, string>(Form("2030-06-12", place, "2030-06-01")) { [field] = value });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(errorId)!.TextContent);
        var input = page.QuerySelector($"[name='{field}']")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains(errorId[1..], input.GetAttribute("aria-describedby")!);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.AnyAsync(s => s.PlaceName == place));
    }

    [Fact]
    public async Task Cancelling_a_session_needs_a_reason_and_emails_the_people_enrolled_or_waiting()
    {
        int sessionId;
        List<string> emails;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var session = new Session
            {
                CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Kind = SessionKind.Evaluation, StartsAt = DateTimeOffset.UtcNow.AddDays(50),
                DurationMinutes = 220, PlaceName = "Salle annulée", Address = "1 rue", PostalCode = "59000", City = "Lille", Region = Region.Nord, Capacity = 5,
                RegistrationDeadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)),
            };
            var registrations = await db.Registrations.Where(r => r.State == RegistrationState.Admissible).OrderBy(r => r.Id).Take(3).Include(r => r.Candidate).ToListAsync();
            session.Enrolments.Add(new SessionEnrolment { RegistrationId = registrations[0].Id, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow });
            session.Enrolments.Add(new SessionEnrolment { RegistrationId = registrations[1].Id, State = EnrolmentState.Waiting, EnrolledAt = DateTimeOffset.UtcNow });
            session.Enrolments.Add(new SessionEnrolment { RegistrationId = registrations[2].Id, State = EnrolmentState.Cancelled, EnrolledAt = DateTimeOffset.UtcNow });
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            (sessionId, emails) = (session.Id, registrations.Select(r => r.Candidate!.Email).ToList());
        }
        var mailsToWithdrawn = portal.Mail.All().Count(m => m.Contains($"To: {emails[2]}", StringComparison.OrdinalIgnoreCase));

        using var staff = await StaffAsync();
        var noReason = await staff.SubmitAsync($"/Staff/Sessions/Edition/{sessionId}", new Dictionary<string, string> { ["CancellationReason"] = " " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var refused = await PortalClient.ParseAsync(noReason);
        Assert.Contains("Indiquez le motif", refused.QuerySelector("#reason-error")!.TextContent);
        Assert.Equal("Salle annulée", refused.QuerySelector("#Input_PlaceName")!.GetAttribute("value"));

        var cancelled = await staff.SubmitAsync($"/Staff/Sessions/Edition/{sessionId}", new Dictionary<string, string> { ["CancellationReason"] = "Salle indisponible." });
        Assert.True(PortalClient.IsRedirectTo(cancelled, "/Staff/Sessions"), $"{cancelled.StatusCode}");
        foreach (var email in emails.Take(2))
        {
            var mail = portal.Mail.LatestTo(email);
            Assert.Contains("Annulation de votre session", mail);
            Assert.Contains("Motif : Salle indisponible.", mail);
        }
        Assert.Equal(mailsToWithdrawn, portal.Mail.All().Count(m => m.Contains($"To: {emails[2]}", StringComparison.OrdinalIgnoreCase)));

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
            Assert.NotNull(stored.CancelledAt);
            Assert.Equal("Salle indisponible.", stored.CancellationReason);
        }
        using var visitor = PortalClient.For(portal);
        var (_, page) = await visitor.GetAsync($"/calendrier/{sessionId}");
        Assert.Contains("Session annulée : Salle indisponible.", page.Body!.TextContent);
        Assert.Null(page.QuerySelector($"a[href='/calendrier/{sessionId}/ics']"));
    }

    [Theory]
    [InlineData("candidat@cqp.test")]
    [InlineData("manager@cqp.test")]
    [InlineData("evaluateur@cqp.test")]
    public async Task Other_roles_are_refused_the_staff_session_pages(string account)
    {
        using var user = PortalClient.For(portal);
        await user.LoginAsync(account);
        foreach (var url in new[] { "/Staff/Sessions", "/Staff/Sessions/Edition", "/Staff/Sessions/Edition/1" })
            Assert.True(PortalClient.IsRedirectTo(await user.Http.GetAsync(url), "/Compte/AccesRefuse"), url);
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_before_the_staff_session_pages()
    {
        using var visitor = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await visitor.Http.GetAsync("/Staff/Sessions/Edition"), "/Compte/Connexion"));
    }
}
