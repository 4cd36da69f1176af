using System.Net;
using CqpPortal.LocalDb;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Tests.Foundation;

/// <summary>The database goes away while the site runs, then comes back: French error page, /health says so, recovery.</summary>
public sealed class DatabaseOutageTests : IDisposable
{
    private readonly LocalCluster cluster = TestCluster.Create();

    [Fact]
    public async Task When_the_database_stops_pages_answer_the_french_error_page_and_recover_when_it_returns()
    {
        await cluster.EnsureDatabaseAsync("outage");
        using var portal = new PortalFactory(cluster.ConnectionString("outage"), demoData: false);
        using var client = PortalClient.For(portal);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);

        cluster.Stop();
        // An anonymous page already in the output cache still answers; one that is not must read the database.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
        var (down, page) = await client.GetAsync("/?hors-cache");
        Assert.Equal(HttpStatusCode.InternalServerError, down.StatusCode);
        Assert.Contains("momentanément indisponible", page.Body!.TextContent);
        Assert.DoesNotContain("Npgsql", page.Source.Text);
        Assert.DoesNotContain(" at ", page.Body.TextContent);
        var health = await client.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("\"database\"", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/live")).StatusCode);

        cluster.Start();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_while_the_database_is_down_comes_back_with_its_text_and_says_nothing_was_saved()
    {
        await cluster.EnsureDatabaseAsync("outage_forms");
        using var portal = new PortalFactory(cluster.ConnectionString("outage_forms"), demoData: false);
        // A visitor creating an account (the page's own handler meets the outage) and a staff member editing a page (the
        // session lookup meets it first), both with their forms open when the database stops.
        using var visitor = PortalClient.For(portal);
        var (_, signUp) = await visitor.GetAsync("/Compte/Inscription");
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var (_, edit) = await staff.GetAsync("/Staff/Contenus/Edition/mentions-legales");
        var typed = edit.QuerySelector("textarea#Markdown")!.TextContent.ReplaceLineEndings("\n").Trim()
            + $"\n\nUn paragraphe tapé pendant la panne, {Guid.NewGuid():N}, « avec des guillemets ».\n";
        var email = $"panne-{Guid.NewGuid():N}@example.test";

        cluster.Stop();
        var account = await visitor.PostFormAsync(signUp.Forms.Single(f => f.QuerySelector("[name='Input.Email']") is not null), "/Compte/Inscription",
            new Dictionary<string, string>
            {
                ["Input.FirstName"] = "Éloïse", ["Input.LastName"] = "Panne", ["Input.Email"] = email,
                ["Input.Password"] = "Une-phrase-bien-longue-2026", ["Input.ConfirmPassword"] = "Une-phrase-bien-longue-2026", ["Input.AcceptPrivacy"] = "true",
            });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, account.StatusCode);
        var samePage = await PortalClient.ParseAsync(account);
        Assert.Contains("rien n'a été enregistré. Votre saisie est conservée ci-dessous ; réessayez dans un instant.", samePage.QuerySelector(".form-not-saved")!.TextContent);
        Assert.Equal("Éloïse", samePage.QuerySelector("input[name='Input.FirstName']")!.GetAttribute("value"));
        Assert.Equal(email, samePage.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));

        var token = edit.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        Task<HttpResponseMessage> SaveAsync() => staff.Http.PostAsync("/Staff/Contenus/Edition/mentions-legales?handler=Save",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Markdown", typed)]));
        var content = await SaveAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, content.StatusCode);
        var shownBack = await PortalClient.ParseAsync(content);
        Assert.Contains("rien n'a été enregistré", shownBack.QuerySelector(".form-not-saved")!.TextContent);
        // The session lookup failed before the page: a plain page with the text to copy and the way back.
        Assert.Equal(typed.Trim(), shownBack.QuerySelector("textarea.typed-text")!.TextContent.ReplaceLineEndings("\n").Trim());
        Assert.Equal("/Staff/Contenus/Edition/mentions-legales?handler=Save", shownBack.QuerySelector("a.back-to-form")!.GetAttribute("href"));
        Assert.Null(shownBack.QuerySelector("textarea[name]")); // nothing there is posted again by mistake

        cluster.Start();
        var saved = await SaveAsync();
        Assert.True(PortalClient.IsRedirectTo(saved, "/Staff/Contenus"), $"{saved.StatusCode} {saved.Headers.Location} {(await PortalClient.ParseAsync(saved)).QuerySelector(".validation-summary-errors")?.TextContent}");
    }

    public void Dispose() => TestCluster.Remove(cluster);
}
