using System.Net;
using AngleSharp.Html.Dom;
using CqpPortal.Testing;
using CqpPortal.Web.Content;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.PublicSite;

[Collection(PortalCollection.Name)]
public class ContentEditingTests(DemoPortal portal)
{
    private const string Slug = "mentions-legales";

    private async Task<PortalClient> StaffAsync()
    {
        var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        return staff;
    }

    private static IHtmlFormElement EditForm(IHtmlDocument page) => page.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Markdown"));

    private static async Task<HttpResponseMessage> PostEditAsync(PortalClient staff, string markdown, bool preview)
    {
        var (_, page) = await staff.GetAsync($"/Staff/Contenus/Edition/{Slug}");
        var url = preview ? $"/Staff/Contenus/Edition/{Slug}?handler=Preview" : $"/Staff/Contenus/Edition/{Slug}?handler=Save";
        var form = EditForm(page);
        var token = form.Elements.OfType<IHtmlInputElement>().Single(i => i.Name == "__RequestVerificationToken").Value;
        return await staff.Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Markdown", markdown)]));
    }

    private async Task RestoreInitialAsync(PortalClient staff)
    {
        var (_, history) = await staff.GetAsync($"/Staff/Contenus/Historique/{Slug}");
        var restore = history.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("version=0"));
        Assert.True(PortalClient.IsRedirectTo(await staff.PostFormAsync(restore, $"/Staff/Contenus/Historique/{Slug}", new Dictionary<string, string>()), "/Staff/Contenus"));
        await AvisConformeSteps.ApproveNewestContentAsync(portal, Slug);
    }

    [Fact]
    public async Task Staff_preview_then_save_a_page_the_public_reads_and_the_history_keeps_who_and_when_and_restores_the_initial_file()
    {
        using var staff = await StaffAsync();
        var original = portal.Services.GetRequiredService<ContentLibrary>().FileMarkdown(Slug)!;
        var (_, edit) = await staff.GetAsync($"/Staff/Contenus/Edition/{Slug}");
        Assert.Equal(original.ReplaceLineEndings("\n").Trim(), edit.QuerySelector("#Markdown")!.TextContent.ReplaceLineEndings("\n").Trim());

        var marker = $"Paragraphe ajouté {Guid.NewGuid():N}";
        var changed = original + $"\n\n## Mise à jour\n\n{marker}, avec **du gras**.\n";
        var preview = await PortalClient.ParseAsync(await PostEditAsync(staff, changed, preview: true));
        Assert.Contains("<strong>du gras</strong>", preview.QuerySelector("#preview")!.InnerHtml);
        Assert.Contains(marker, preview.QuerySelector("#Markdown")!.TextContent); // the text typed stays in the box
        using var visitor = PortalClient.For(portal);
        Assert.DoesNotContain(marker, (await visitor.GetAsync($"/{Slug}")).Document.Body!.TextContent); // a preview saves nothing

        Assert.True(PortalClient.IsRedirectTo(await PostEditAsync(staff, changed, preview: false), "/Staff/Contenus"));
        Assert.DoesNotContain(marker, (await visitor.GetAsync($"/{Slug}")).Document.Body!.TextContent); // a proposal until SIST approves it
        await AvisConformeSteps.ApproveNewestContentAsync(portal, Slug);
        var (_, published) = await visitor.GetAsync($"/{Slug}");
        Assert.Contains(marker, published.Body!.TextContent);
        Assert.Equal("Mise à jour", published.QuerySelectorAll("main h2").Last().TextContent);

        var (_, history) = await staff.GetAsync($"/Staff/Contenus/Historique/{Slug}");
        var rows = history.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("(en ligne)", rows[0]);
        Assert.Contains("par staff@cqp.test", rows[0]);
        Assert.Contains("avis conforme", rows[0]);
        Assert.Contains("par sist@cqp.test", rows[0]);
        Assert.Contains("Version initiale", rows[^1]);

        await RestoreInitialAsync(staff);
        Assert.DoesNotContain(marker, (await visitor.GetAsync($"/{Slug}")).Document.Body!.TextContent);
        await using var scope = portal.Services.CreateAsyncScope();
        var newest = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().ContentRevisions.Where(r => r.Slug == Slug).OrderByDescending(r => r.Id).FirstAsync();
        Assert.Equal(0, newest.RestoredFrom);
        Assert.Equal(original, newest.Markdown);
    }

    [Fact]
    public async Task A_page_cannot_inject_script_through_html_links_or_images_in_the_preview_or_the_published_page()
    {
        using var staff = await StaffAsync();
        var original = portal.Services.GetRequiredService<ContentLibrary>().FileMarkdown(Slug)!;
        var hostile = original + "\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n" +
            "[clic](javascript:alert(1)) [clic2](JaVaScRiPt:alert(2)) [clic3]( java\tscript:alert(3)) <javascript:alert(4)>\n\n" +
            "![image](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [ok](/calendrier) [web](https://exemple.fr)\n";
        foreach (var document in new[]
        {
            (await PortalClient.ParseAsync(await PostEditAsync(staff, hostile, preview: true))).QuerySelector("#preview")!,
            await SavedAndReadAsync(staff, hostile),
        })
        {
            Assert.Empty(document.QuerySelectorAll("script"));
            Assert.Empty(document.QuerySelectorAll("img[onerror], [onerror], [onclick]"));
            Assert.All(document.QuerySelectorAll("[href], [src]"), e =>
                Assert.True(ContentLibrary.IsSafeUrl(e.GetAttribute("href") ?? e.GetAttribute("src")), e.OuterHtml));
            Assert.Contains("&lt;script&gt;", document.InnerHtml);
            Assert.NotNull(document.QuerySelector("a[href='/calendrier']"));
            Assert.NotNull(document.QuerySelector("a[href='https://exemple.fr']"));
        }
        await RestoreInitialAsync(staff);
    }

    private async Task<AngleSharp.Dom.IElement> SavedAndReadAsync(PortalClient staff, string markdown)
    {
        Assert.True(PortalClient.IsRedirectTo(await PostEditAsync(staff, markdown, preview: false), "/Staff/Contenus"));
        await AvisConformeSteps.ApproveNewestContentAsync(portal, Slug);
        using var visitor = PortalClient.For(portal);
        return (await visitor.GetAsync($"/{Slug}")).Document.QuerySelector("main")!;
    }

    [Fact]
    public async Task An_empty_or_untitled_page_is_refused_in_french_and_the_text_is_kept()
    {
        using var staff = await StaffAsync();
        var refused = await PortalClient.ParseAsync(await PostEditAsync(staff, "Juste un paragraphe sans titre.", preview: false));
        Assert.Contains("Donnez un titre à la page", refused.QuerySelector("#markdown-error")!.TextContent);
        Assert.Equal("Juste un paragraphe sans titre.", refused.QuerySelector("#Markdown")!.TextContent.Trim());
        Assert.Equal("true", refused.QuerySelector("#Markdown")!.GetAttribute("aria-invalid"));
        var empty = await PortalClient.ParseAsync(await PostEditAsync(staff, "  ", preview: false));
        Assert.Contains("Saisissez le contenu de la page.", empty.QuerySelector("#markdown-error")!.TextContent);
    }

    [Fact]
    public async Task Unknown_pages_and_versions_are_not_found()
    {
        using var staff = await StaffAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/Staff/Contenus/Edition/nexiste-pas")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/Staff/Contenus/Historique/nexiste-pas")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/Staff/Contenus/Historique/{Slug}?version=999999")).StatusCode);
    }

    [Theory]
    [InlineData("candidat@cqp.test")]
    [InlineData("manager@cqp.test")]
    [InlineData("sist@cqp.test")]
    public async Task Only_staff_edit_content(string account)
    {
        using var user = PortalClient.For(portal);
        await user.LoginAsync(account);
        foreach (var url in new[] { "/Staff/Contenus", $"/Staff/Contenus/Edition/{Slug}", $"/Staff/Contenus/Historique/{Slug}" })
            Assert.True(PortalClient.IsRedirectTo(await user.Http.GetAsync(url), "/Compte/AccesRefuse"), url);
        Assert.True(PortalClient.IsRedirectTo(await user.Http.PostAsync($"/Staff/Contenus/Historique/{Slug}?handler=Restore&version=0", new FormUrlEncodedContent([])), "/Compte/AccesRefuse"));
    }

    [Theory]
    [InlineData("/calendrier", true)]
    [InlineData("#ancre", true)]
    [InlineData("https://exemple.fr/a:b", true)]
    [InlineData("mailto:contact@exemple.fr", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JAVASCRIPT:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData("vbscript:msgbox", false)]
    [InlineData("data:text/html;base64,AAAA", false)]
    public void Only_web_mail_phone_and_site_addresses_are_safe(string url, bool safe) => Assert.Equal(safe, ContentLibrary.IsSafeUrl(url));
}
