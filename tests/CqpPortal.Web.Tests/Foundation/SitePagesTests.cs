using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Web.Data;
using CqpPortal.Web.Hosting;
using System.Net;
using System.Text.Json;
using CqpPortal.Testing;

namespace CqpPortal.Web.Tests.Foundation;

[Collection(PortalCollection.Name)]
public class SitePagesTests(DemoPortal portal)
{
    [Fact]
    public async Task The_home_page_is_french_with_a_skip_link_landmarks_and_the_legal_footer()
    {
        using var client = PortalClient.For(portal);
        var (response, page) = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        var skip = page.QuerySelector("a.skip-link")!;
        Assert.Equal("#contenu", skip.GetAttribute("href"));
        Assert.Same(page.Body!.QuerySelector("a"), skip); // the first link of the page
        Assert.NotNull(page.QuerySelector("main#contenu"));
        Assert.NotNull(page.QuerySelector("header[role=banner]"));
        Assert.NotNull(page.QuerySelector("nav[aria-label]"));
        var footerLinks = page.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/mentions-legales", footerLinks);
        Assert.Contains("/confidentialite", footerLinks);
        Assert.Contains("/accessibilite", footerLinks);
        Assert.Contains("Prochaines sessions", page.Body.TextContent);
    }

    [Theory]
    [InlineData("/mentions-legales")]
    [InlineData("/confidentialite")]
    [InlineData("/accessibilite")]
    [InlineData("/le-cqp")]
    [InlineData("/prerequis-et-parcours")]
    [InlineData("/dispositif")]
    [InlineData("/faq")]
    public async Task Content_pages_render_from_markdown_with_a_title_and_description(string path)
    {
        using var client = PortalClient.For(portal);
        var (response, page) = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("main h1")?.TextContent));
        Assert.Single(page.QuerySelectorAll("main h1"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        Assert.True(page.QuerySelectorAll("main p").Length >= 2);
    }

    [Theory]
    [InlineData("/nexiste-pas")]
    [InlineData("/Compte/Nulle/Part")]
    [InlineData("/..%2f..%2fetc%2fpasswd")]
    public async Task Unknown_addresses_get_the_french_not_found_page(string path)
    {
        using var client = PortalClient.For(portal);
        var (response, page) = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", page.Title);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Health_reports_the_database_and_the_jobs()
    {
        using var client = PortalClient.For(portal);
        var response = await client.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        // The shared test portal runs no job server (Jobs:RunScheduler=false): it says the jobs run in a worker.
        var jobs = checks.GetProperty("jobs");
        Assert.Equal("Healthy", jobs.GetProperty("status").GetString());
        Assert.Contains("worker", jobs.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        using var client = PortalClient.For(portal);
        var response = await client.Http.GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}

[Collection(PortalCollection.Name)]
public class SiteMapTests(DemoPortal portal)
{
    [Fact]
    public async Task The_sitemap_lists_public_and_content_pages_and_coming_sessions_and_robots_keep_private_areas_out()
    {
        using var client = portal.CreateClient();
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        var document = System.Xml.Linq.XDocument.Parse(sitemap);
        var locs = document.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath).ToList();
        Assert.Contains("/calendrier", locs);
        Assert.Contains("/mentions-legales", locs);
        Assert.Contains(locs, l => l.StartsWith("/calendrier/"));
        Assert.DoesNotContain(locs, l => l.StartsWith("/Staff") || l.StartsWith("/Candidat"));
        var robots = await client.GetStringAsync("/robots.txt");
        Assert.Contains("Disallow: /Staff", robots);
        Assert.Contains($"Sitemap: {PortalSettings.LocalRoot}/sitemap.xml", robots);
    }
}

[Collection(PortalCollection.Name)]
public class ReferentialPageTests(DemoPortal portal)
{
    [Fact]
    public async Task The_four_units_show_their_activities_and_every_competence_from_the_data()
    {
        using var client = PortalClient.For(portal);
        var (response, page) = await client.GetAsync("/referentiel");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, page.QuerySelectorAll("main h2").Length);
        var text = page.Body!.TextContent;
        foreach (var code in new[] { "C.1.1", "C.1.14", "C.2.1", "C.3.2", "C.4.1", "C.4.7", "A.4.6" })
            Assert.Contains(code, text);
        Assert.Contains("auto-évaluation en situation réelle", text);
    }

    [Fact]
    public async Task The_public_referential_says_what_the_accord_gives_and_keeps_the_staff_notes_for_staff()
    {
        List<string> notes;
        await using (var scope = portal.Services.CreateAsyncScope())
            notes = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Competences.Where(c => c.Note != null).Select(c => c.Note!).ToListAsync();
        Assert.NotEmpty(notes); // the data keeps them, for staff

        using var client = PortalClient.For(portal);
        var (_, page) = await client.GetAsync("/referentiel");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.All(notes, note => Assert.DoesNotContain(note, text));
        Assert.DoesNotContain("extraction", text);
        Assert.DoesNotContain("reconstitu", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("le texte de l'accord ne donne pas de modalité d'évaluation : l'organisme de formation vous confirme comment elles sont évaluées", text);
        var c41 = page.QuerySelectorAll("main li").Single(li => li.TextContent.Contains("C.4.1"));
        Assert.Contains("modalité d'évaluation confirmée par l'organisme de formation", c41.TextContent);
    }
}
