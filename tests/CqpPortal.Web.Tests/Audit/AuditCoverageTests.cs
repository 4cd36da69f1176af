using System.Reflection;
using System.Text.RegularExpressions;
using CqpPortal.Testing;
using CqpPortal.Web.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Audit;

/// <summary>
/// Every page where staff, evaluators, jury members or analysts can name a record by its id is in the journal or says
/// why not: the pages are discovered from the app's own page descriptors, so a new page without a mark fails here.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class AuditCoverageTests(DemoPortal portal)
{
    /// <summary>The folders of those who read others' files, the downloads, and the registration steps staff open for paper forms.</summary>
    private static readonly string[] Folders = ["/Staff/", "/Jury/", "/Evaluation/", "/Analyse/", "/Formation/", "/Documents/", "/Candidat/Inscription/"];

    private static bool IsId(string? name) => name is not null && (name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Id", StringComparison.Ordinal));

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)")]
    private static partial Regex RouteParameter();

    private sealed record Page(string Path, IReadOnlyList<string> IdParameters, IReadOnlyList<string> AllParameters, AuditedAccessAttribute? Audited, NotAuditedAttribute? NotAudited);

    private async Task<List<Page>> PagesAsync()
    {
        var descriptors = portal.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var loader = portal.Services.GetRequiredService<PageLoader>();
        var pages = new List<Page>();
        foreach (var descriptor in descriptors.Where(d => Folders.Any(f => d.ViewEnginePath.StartsWith(f, StringComparison.Ordinal))))
        {
            var compiled = await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty);
            var parameters = RouteParameter().Matches(descriptor.AttributeRouteInfo?.Template ?? "").Select(m => m.Groups["name"].Value)
                .Concat(compiled.HandlerMethods.SelectMany(h => h.Parameters).Select(p => p.BindingInfo?.BinderModelName ?? p.Name))
                .Concat(compiled.BoundProperties.Select(p => p.BindingInfo?.BinderModelName ?? p.Name))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var type = compiled.HandlerTypeInfo;
            pages.Add(new Page(descriptor.ViewEnginePath, parameters.Where(IsId).ToList(), parameters,
                type.GetCustomAttribute<AuditedAccessAttribute>(inherit: true), type.GetCustomAttribute<NotAuditedAttribute>(inherit: true)));
        }
        return pages.DistinctBy(p => p.Path).ToList(); // a page may have two routes (/X and /X/Index)
    }

    [Fact]
    public async Task Every_page_taking_an_id_in_the_areas_that_read_others_files_is_audited_or_says_why_not()
    {
        var pages = await PagesAsync();
        var withIds = pages.Where(p => p.IdParameters.Count > 0).ToList();
        Assert.True(withIds.Count >= 35, $"only {withIds.Count} pages with an id were discovered");
        Assert.Contains(withIds, p => p.Path == "/Staff/Vae/Fichier");
        Assert.Contains(withIds, p => p.Path == "/Evaluation/Grille");

        var unmarked = withIds.Where(p => p.Audited is null && p.NotAudited is null).Select(p => $"{p.Path} ({string.Join(", ", p.IdParameters)})").ToList();
        Assert.True(unmarked.Count == 0, "Pages taking an id with neither [AuditedAccess] nor [NotAudited(why)]: " + string.Join("; ", unmarked));
        Assert.All(pages.Where(p => p.NotAudited is not null), p => Assert.False(string.IsNullOrWhiteSpace(p.NotAudited!.Why)));
        Assert.All(pages, p => Assert.False(p.Audited is not null && p.NotAudited is not null, $"{p.Path} is marked both ways"));
    }

    [Fact]
    public async Task Each_audited_page_names_a_subject_and_a_kind_it_really_has()
    {
        foreach (var page in (await PagesAsync()).Where(p => p.Audited is not null))
        {
            Assert.Contains(page.Audited!.Kind, AuditKinds.All);
            // The subject's name is one of the page's parameters (a typo would leave every row without its id).
            if (page.IdParameters.Count > 0 && page.Audited.Handlers is null)
                Assert.True(page.AllParameters.Contains(page.Audited.Subject, StringComparer.OrdinalIgnoreCase), $"{page.Path}: no parameter « {page.Audited.Subject} » among {string.Join(", ", page.AllParameters)}");
        }
    }
}
