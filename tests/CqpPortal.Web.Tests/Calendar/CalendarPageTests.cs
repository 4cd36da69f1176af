using System.Globalization;
using System.Net;
using System.Text;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Calendar;

[Collection(PortalCollection.Name)]
public class CalendarPageTests(DemoPortal portal)
{
    private async Task<int> FutureNotCancelledAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var now = DateTimeOffset.UtcNow;
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.CountAsync(s => s.StartsAt > now && s.CancelledAt == null);
    }

    private async Task<(int Future, int Past, int FutureJuryInIleDeFrance)> CountsAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var now = DateTimeOffset.UtcNow;
        return (await db.Sessions.CountAsync(s => s.StartsAt > now), await db.Sessions.CountAsync(s => s.StartsAt <= now),
            await db.Sessions.CountAsync(s => s.StartsAt > now && s.Kind == SessionKind.Jury && s.Region == Region.IleDeFrance));
    }

    [Fact]
    public async Task The_calendar_lists_coming_sessions_only_and_filters_by_kind_and_region()
    {
        var (future, past, juries) = await CountsAsync();
        Assert.True(past > 0);
        using var client = PortalClient.For(portal);
        var (_, all) = await client.GetAsync("/calendrier");
        Assert.Equal(future, all.QuerySelectorAll("tbody tr").Length);
        var (_, filtered) = await client.GetAsync("/calendrier?type=Jury&region=IleDeFrance");
        Assert.Equal(juries, filtered.QuerySelectorAll("tbody tr").Length);
        Assert.All(filtered.QuerySelectorAll("tbody tr td:nth-child(2)"), td => Assert.Equal("Jury", td.TextContent));
    }

    [Fact]
    public async Task The_month_filter_keeps_the_sessions_of_that_paris_month_and_stays_selected()
    {
        using var client = PortalClient.For(portal);
        var (_, all) = await client.GetAsync("/calendrier");
        var months = all.QuerySelectorAll("#mois option").Select(o => o.GetAttribute("value")!).Where(v => v != "").ToList();
        Assert.True(months.Count >= 2, "the demo data has sessions over several coming months");
        var month = months[1];

        await using var scope = portal.Services.CreateAsyncScope();
        var now = DateTimeOffset.UtcNow;
        var coming = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.Where(s => s.StartsAt > now).Select(s => s.StartsAt).ToListAsync();
        var expected = coming.Count(s => FrenchFormat.InParis(s).ToString("yyyy-MM", CultureInfo.InvariantCulture) == month);

        var (_, filtered) = await client.GetAsync($"/calendrier?type=&region=&mois={month}");
        var rows = filtered.QuerySelectorAll("tbody tr");
        Assert.Equal(expected, rows.Length);
        var monthName = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"));
        Assert.All(rows, r => Assert.Contains(monthName, r.QuerySelector("th")!.TextContent));
        Assert.Equal(month, filtered.QuerySelector("#mois option[selected]")!.GetAttribute("value"));
    }

    /// <summary>The first coming session one signs up for (a jury is « sur convocation », without seats): which one comes first depends on the day.</summary>
    private static AngleSharp.Dom.IElement FirstWithSeats(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr").First(tr => System.Text.RegularExpressions.Regex.IsMatch(tr.Children[5].TextContent.Trim(), @"^\d+$"));

    [Fact]
    public async Task Each_row_shows_kind_time_duration_place_region_seats_deadline_and_status()
    {
        using var client = PortalClient.For(portal);
        var (_, page) = await client.GetAsync("/calendrier");
        Assert.Equal(["Date et heure", "Session", "Durée", "Lieu", "Région", "Places restantes", "Inscription jusqu'au", "État"],
            page.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent));
        var cells = FirstWithSeats(page).Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Matches(@"^\w+ (1er|\d{1,2}) \w+ \d{4} à \d{1,2} h( \d{2})?$", cells[0]);
        Assert.Matches(@"^\d+ h( \d{2})?$", cells[2]);
        Assert.Contains(",", cells[3]);
        Assert.Matches(@"^\d+$", cells[5]);
        Assert.Contains(cells[7], new[] { "Ouverte", "Complète (liste d'attente)", "Inscriptions closes", "Annulée" });
    }

    [Theory]
    [InlineData("?type=Karaoke&region=Lune&mois=2099-99")]
    [InlineData("?type=99&region=-1&mois=demain")]
    [InlineData("?type=1&region=Jury,Nord&mois=2026-1")]
    [InlineData("?type=Evaluation,Jury")]
    [InlineData("?mois=%3Cscript%3E&mois=2026-13")]
    public async Task Nonsense_filters_are_ignored_and_give_the_default_list(string query)
    {
        var (future, _, _) = await CountsAsync();
        using var client = PortalClient.For(portal);
        var (response, page) = await client.GetAsync("/calendrier" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(future, page.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Each_session_has_its_page_and_calendar_entry_and_the_calendar_a_feed()
    {
        using var client = PortalClient.For(portal);
        var (_, list) = await client.GetAsync("/calendrier");
        var href = FirstWithSeats(list).QuerySelector("a")!.GetAttribute("href")!;
        var (page, document) = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Places", document.Body!.TextContent);

        var id = int.Parse(href.Split('/').Last());
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var session = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions.AsNoTracking().SingleAsync(s => s.Id == id);
            var ics = await client.Http.GetAsync(document.QuerySelector($"a[href='{href}/ics']")!.GetAttribute("href"));
            Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
            Assert.Equal("utf-8", ics.Content.Headers.ContentType.CharSet);
            Assert.Equal($"session-{id}.ics", ics.Content.Headers.ContentDisposition!.FileName);
            var text = await ics.Content.ReadAsStringAsync();
            Assert.Equal(1, text.Split("BEGIN:VEVENT").Length - 1);
            Assert.Contains($"UID:session-{id}@cqp-telesecretaire\r\n", text);
            Assert.Matches(@"\r\nDTSTAMP:\d{8}T\d{6}Z\r\n", text);
            Assert.Contains($"DTSTART:{session.StartsAt.UtcDateTime:yyyyMMdd'T'HHmmss}Z\r\n", text);
            Assert.Contains($"DTEND:{session.StartsAt.AddMinutes(session.DurationMinutes).UtcDateTime:yyyyMMdd'T'HHmmss}Z\r\n", text);
            Assert.Contains("SUMMARY:CQP Télésecrétaire qualifié(e) – ", text);
            var unfolded = text.Replace("\r\n ", "");
            Assert.Contains($"LOCATION:{session.PlaceName.Replace(",", "\\,")}\\, ", unfolded);
            Assert.Contains("DESCRIPTION:", text);
            Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        }

        var future = await FutureNotCancelledAsync(); // the feed leaves cancelled sessions out
        var feedResponse = await client.Http.GetAsync("/calendrier.ics");
        Assert.Equal("text/calendar", feedResponse.Content.Headers.ContentType!.MediaType);
        var feed = await feedResponse.Content.ReadAsStringAsync();
        Assert.Equal(future, feed.Split("BEGIN:VEVENT").Length - 1);
    }

    [Fact]
    public async Task An_unknown_session_is_the_french_not_found_page()
    {
        using var client = PortalClient.For(portal);
        var (response, page) = await client.GetAsync("/calendrier/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", page.Title);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang")?[..2]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/calendrier/999999/ics")).StatusCode);
    }
}
