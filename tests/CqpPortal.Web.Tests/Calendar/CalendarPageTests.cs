using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
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

    [Theory]
    [InlineData("?type=Karaoke&region=Lune&mois=2099-99")]
    [InlineData("?type=99&region=-1&mois=demain")]
    [InlineData("?mois=%3Cscript%3E")]
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
        var href = list.QuerySelector("tbody tr a")!.GetAttribute("href")!;
        var (page, document) = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Places", document.Body!.TextContent);

        var ics = await client.Http.GetAsync(href + "/ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        Assert.Contains("BEGIN:VEVENT", await ics.Content.ReadAsStringAsync());

        var future = await FutureNotCancelledAsync(); // the feed leaves cancelled sessions out
        var feed = await (await client.Http.GetAsync("/calendrier.ics")).Content.ReadAsStringAsync();
        Assert.Equal(future, feed.Split("BEGIN:VEVENT").Length - 1);
    }

    [Fact]
    public async Task An_unknown_session_is_the_french_not_found_page()
    {
        using var client = PortalClient.For(portal);
        var (response, page) = await client.GetAsync("/calendrier/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", page.Title);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/calendrier/999999/ics")).StatusCode);
    }
}
