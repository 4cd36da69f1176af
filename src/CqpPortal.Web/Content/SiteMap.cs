using System.Text;
using System.Xml;
using CqpPortal.Web.Data;
using CqpPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Content;

/// <summary>robots.txt and sitemap.xml: the public pages, the content pages and the coming sessions; no private area. Links from Portal:PublicUrl, never the request's Host.</summary>
public static class SiteMap
{
    private static readonly string[] PublicPaths = ["/", "/calendrier", "/referentiel", "/partenaires", "/Contact", "/documents", "/prerequis/verifier", "/Compte/Inscription", "/Compte/AccesEntreprise"];

    public static IEndpointRouteBuilder MapSiteMap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/robots.txt", (IOptions<PortalSettings> settings) => Results.Text(
            $"User-agent: *\nDisallow: /Candidat\nDisallow: /Entreprise\nDisallow: /Staff\nDisallow: /Evaluation\nDisallow: /Jury\nDisallow: /Analyse\nDisallow: /api/\nSitemap: {settings.Value.PublicLink("/sitemap.xml")}\n",
            "text/plain", Encoding.UTF8));
        endpoints.MapGet("/sitemap.xml", async (IOptions<PortalSettings> settings, CqpDbContext db, ContentLibrary content, TimeProvider clock) =>
        {
            var now = clock.GetUtcNow();
            var sessions = await db.Sessions.Where(s => s.StartsAt > now && s.CancelledAt == null).Select(s => s.Id).ToListAsync();
            var paths = PublicPaths.Concat(content.Slugs().Select(slug => "/" + slug)).Concat(sessions.Select(id => $"/calendrier/{id}"));
            var xml = new StringBuilder();
            using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true, Async = false }))
            {
                writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
                foreach (var path in paths)
                {
                    writer.WriteStartElement("url");
                    writer.WriteElementString("loc", settings.Value.PublicLink(path));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            }
            return Results.Text(xml.ToString().Replace("utf-16", "utf-8"), "application/xml", Encoding.UTF8);
        });
        return endpoints;
    }
}
