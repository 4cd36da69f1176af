using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.PublicSite;

/// <summary>The home page's coming sessions say what the calendar says (one rule: seats only where candidates sign up).</summary>
[Collection(PortalCollection.Name)]
public class HomePageSessionsTests(DemoPortal portal)
{
    private async Task<Session> ComingJuryAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var startsAt = DateTimeOffset.UtcNow.AddMinutes(20); // before every demo session: first on the home page
        var jury = new Session
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Kind = SessionKind.Jury, StartsAt = startsAt,
            DurationMinutes = 180, PlaceName = "Salle du jury", Address = "3 rue de l'Accueil", PostalCode = "69003", City = "Lyon",
            Region = Region.IleDeFrance, Capacity = 12, RegistrationDeadline = DateOnly.FromDateTime(startsAt.UtcDateTime).AddDays(7),
        };
        db.Sessions.Add(jury);
        await db.SaveChangesAsync();
        return jury;
    }

    private async Task RemoveAsync(Session session)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        db.Sessions.Remove(await db.Sessions.SingleAsync(s => s.Id == session.Id)); // saved through EF: the cached pages are evicted
        await db.SaveChangesAsync();
    }

    private static List<string> CellsOf(AngleSharp.Html.Dom.IHtmlDocument page, int sessionId) =>
        page.QuerySelector($"tbody a[href='/calendrier/{sessionId}']")!.Closest("tr")!.Children.Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task A_coming_jury_shows_no_seats_on_the_home_page_but_sur_convocation_as_in_the_calendar()
    {
        var jury = await ComingJuryAsync();
        try
        {
            using var client = PortalClient.For(portal);
            var (_, home) = await client.GetAsync("/");
            Assert.Equal(["Date", "Session", "Lieu", "Places restantes", "État"], home.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent));
            var onHome = CellsOf(home, jury.Id);
            Assert.Equal("Jury", onHome[1]);
            Assert.Equal("–", onHome[3]); // not the 12 seats of its capacity
            Assert.Equal("Sur convocation (pas d'inscription en ligne)", onHome[4]);

            var (_, calendar) = await client.GetAsync("/calendrier");
            var inCalendar = CellsOf(calendar, jury.Id);
            Assert.Equal((inCalendar[5], inCalendar[7]), (onHome[3], onHome[4]));
        }
        finally { await RemoveAsync(jury); }
    }

    [Fact]
    public async Task Every_session_on_the_home_page_shows_the_seats_and_state_of_its_calendar_row()
    {
        using var client = PortalClient.For(portal);
        var (_, home) = await client.GetAsync("/");
        var (_, calendar) = await client.GetAsync("/calendrier");
        var rows = home.QuerySelectorAll("tbody tr");
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var id = int.Parse(row.QuerySelector("a")!.GetAttribute("href")!.Split('/').Last());
            var cells = row.Children.Select(c => c.TextContent.Trim()).ToList();
            var inCalendar = CellsOf(calendar, id);
            Assert.Equal((inCalendar[5], inCalendar[7]), (cells[3], cells[4]));
        }
    }
}
