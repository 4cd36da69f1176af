using System.Net;
using System.Xml.Linq;
using CqpPortal.Testing;
using CqpPortal.Web.Contacts;
using CqpPortal.Web.Partners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Tests.PublicSite;

/// <summary>
/// The public site as an anonymous visitor walks it: every page reachable from the home page and the sitemap. Each
/// gives the organisation's telephone number and links to the SIST and branch sites, and none shows a personal
/// e-mail address as a mailto: link (only the organisation's own).
/// </summary>
[Collection(PortalCollection.Name)]
public class PublicSiteCrawlTests(DemoPortal portal)
{
    private static readonly string[] Private = ["/Candidat", "/Entreprise", "/Staff", "/Evaluation", "/Jury", "/Analyse", "/api", "/Compte/Deconnexion"];

    [Fact]
    public async Task Every_public_page_reachable_from_the_home_page_and_the_sitemap_gives_the_telephone_and_the_sist_and_branch_links()
    {
        var contact = portal.Services.GetRequiredService<IOptions<OrganisationContact>>().Value;
        var partners = portal.Services.GetRequiredService<IOptions<PartnerLinks>>().Value;
        using var visitor = PortalClient.For(portal);
        var sitemap = XDocument.Parse(await visitor.Http.GetStringAsync("/sitemap.xml"));
        var toVisit = new Queue<string>(["/", .. sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).PathAndQuery)]);
        var seen = new HashSet<string>(toVisit, StringComparer.OrdinalIgnoreCase);
        var pages = new List<string>();
        var failures = new List<string>();
        while (toVisit.TryDequeue(out var path) && pages.Count < 400)
        {
            var response = await visitor.Http.GetAsync(path);
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue; // PDFs, .ics, feeds
            if (response.StatusCode != HttpStatusCode.OK) { failures.Add($"{path}: {(int)response.StatusCode}"); continue; }
            pages.Add(path);
            var page = await PortalClient.ParseAsync(response);
            var footer = page.QuerySelector("footer")!;
            if (footer.QuerySelector($"a[href='{contact.PhoneLink}']")?.TextContent != contact.Phone) failures.Add($"{path}: no telephone {contact.Phone}");
            var links = footer.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
            if (!links.Contains(partners.Sist)) failures.Add($"{path}: no SIST link");
            if (!links.Contains(partners.Branch)) failures.Add($"{path}: no branch link");
            foreach (var mailto in page.QuerySelectorAll("a[href^='mailto:' i]").Select(a => a.GetAttribute("href")!))
                if (!string.Equals(mailto, "mailto:" + contact.Email, StringComparison.OrdinalIgnoreCase)) failures.Add($"{path}: {mailto}");
            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (!href.StartsWith('/') || href.StartsWith("//")) continue;
                var target = href.Split('#')[0];
                if (target.Length == 0 || Private.Any(p => target.StartsWith(p, StringComparison.OrdinalIgnoreCase))) continue;
                if (seen.Add(target)) toVisit.Enqueue(target);
            }
        }
        Assert.Empty(failures);
        // The walk went through the site: home, contact, partners, documents, the calendar and every content page of the sitemap.
        Assert.Contains("/Contact", pages);
        Assert.Contains("/partenaires", pages);
        Assert.Contains("/calendrier", pages);
        Assert.True(pages.Count >= 20, string.Join(", ", pages));
    }
}
