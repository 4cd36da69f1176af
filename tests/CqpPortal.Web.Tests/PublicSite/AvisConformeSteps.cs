using AngleSharp.Html.Dom;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.PublicSite;

/// <summary>SIST's « avis conforme » as an analyst gives it, on /Analyse/AvisConforme: for tests whose change must go public.</summary>
public static class AvisConformeSteps
{
    public const string Analyst = "sist@cqp.test";

    /// <summary>Presses « Donner l'avis conforme » or « Refuser » on the proposal's form (<paramref name="key"/>: content-12, document-3).</summary>
    public static async Task<HttpResponseMessage> DecideAsync(PortalClient analyst, string key, string decision, string reason = "")
    {
        var (_, page) = await analyst.GetAsync("/Analyse/AvisConforme");
        var form = page.QuerySelector($"#{key} form") as IHtmlFormElement ?? throw new InvalidOperationException($"No proposal {key} on /Analyse/AvisConforme.");
        return await analyst.PostFormAsync(form, "/Analyse/AvisConforme", new Dictionary<string, string> { ["decision"] = decision, ["reason"] = reason });
    }

    public static async Task<int> NewestRevisionAsync(PortalFactory portal, string slug)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().ContentRevisions.Where(r => r.Slug == slug).MaxAsync(r => r.Id);
    }

    /// <summary>The newest revision of <paramref name="slug"/> approved by the demo analyst.</summary>
    public static async Task ApproveNewestContentAsync(PortalFactory portal, string slug)
    {
        using var analyst = PortalClient.For(portal);
        await analyst.LoginAsync(Analyst);
        var response = await DecideAsync(analyst, $"content-{await NewestRevisionAsync(portal, slug)}", "Approve");
        if (!PortalClient.IsRedirectTo(response, "/Analyse/AvisConforme")) throw new InvalidOperationException($"Approval refused: {response.StatusCode}");
    }

    public static async Task ApproveDocumentAsync(PortalFactory portal, int documentId)
    {
        using var analyst = PortalClient.For(portal);
        await analyst.LoginAsync(Analyst);
        var response = await DecideAsync(analyst, $"document-{documentId}", "Approve");
        if (!PortalClient.IsRedirectTo(response, "/Analyse/AvisConforme")) throw new InvalidOperationException($"Approval refused: {response.StatusCode}");
    }

    public static async Task<int> DocumentIdAsync(PortalFactory portal, string title)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().LibraryDocuments.Where(d => d.Title == title.Trim()).Select(d => d.Id).SingleAsync();
    }
}
