using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Tests.PublicSite;

[Collection(PortalCollection.Name)]
public class PartnerLinksTests(DemoPortal portal)
{
    private async Task<List<string>> PublicPagesAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var session = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Sessions
            .Where(s => s.StartsAt > DateTimeOffset.UtcNow && s.CancelledAt == null).Select(s => s.Id).FirstAsync();
        var content = scope.ServiceProvider.GetRequiredService<CqpPortal.Web.Content.ContentLibrary>().Slugs().Select(slug => "/" + slug);
        return ["/", "/calendrier", $"/calendrier/{session}", "/referentiel", "/prerequis/verifier", "/partenaires",
            "/Compte/Connexion", "/Compte/Inscription", .. content];
    }

    [Fact]
    public async Task The_three_partner_links_of_the_settings_are_in_the_footer_of_every_public_page()
    {
        var links = portal.Services.GetRequiredService<IOptions<PartnerLinks>>().Value;
        using var visitor = PortalClient.For(portal);
        foreach (var path in await PublicPagesAsync())
        {
            var (response, page) = await visitor.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            var footerLinks = page.QuerySelectorAll("footer nav[aria-label=Partenaires] a").Select(a => a.GetAttribute("href")).ToList();
            Assert.True(new[] { "/partenaires", links.Sist, links.AgefosPme, links.Branch }.All(footerLinks.Contains), $"{path}: {string.Join(", ", footerLinks)}");
            // Plain links: they open normally, with no script and no new window.
            Assert.All(page.QuerySelectorAll("footer a"), a => Assert.Null(a.GetAttribute("target")));
        }
    }

    [Fact]
    public async Task The_partners_page_links_each_partner_and_says_the_funding_body_changed_in_2019()
    {
        var links = portal.Services.GetRequiredService<IOptions<PartnerLinks>>().Value;
        using var visitor = PortalClient.For(portal);
        var (response, page) = await visitor.GetAsync("/partenaires");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Partenaires", page.QuerySelector("main h1")!.TextContent);
        var mainLinks = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(links.Sist, mainLinks);
        Assert.Contains(links.AgefosPme, mainLinks);
        Assert.Contains(links.Branch, mainLinks);
        Assert.Contains("a changé en 2019", page.QuerySelector("#agefos-note")!.TextContent);
    }

    [Fact]
    public async Task The_partner_addresses_are_settings()
    {
        using var custom = new PortalFactory(TestCluster.NewDatabase("partners"), demoData: false, new Dictionary<string, string?>
        {
            ["Partners:Sist"] = "https://sist.example.org/", ["Partners:AgefosPme"] = "https://opco.example.org/", ["Partners:Branch"] = "https://branche.example.org/",
        });
        using var visitor = PortalClient.For(custom);
        var (_, page) = await visitor.GetAsync("/");
        var footerLinks = page.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://sist.example.org/", footerLinks);
        Assert.Contains("https://opco.example.org/", footerLinks);
        Assert.Contains("https://branche.example.org/", footerLinks);
    }
}
