using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

/// <summary>The statistics dashboard (charts drawn from the tables) and the report runs page, in Chromium with axe.</summary>
[Collection(BrowserCollection.Name)]
public class DashboardTests(BrowserPortal portal)
{
    private static readonly int LastYear = DateTime.UtcNow.Year - 1;

    [Fact]
    public async Task The_dashboard_draws_a_chart_from_each_table_is_accessible_and_follows_the_chosen_year()
    {
        await using var context = await portal.SignedInAsync("sist@cqp.test");
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await page.SetViewportSizeAsync(1280, 900);

        await page.GotoAsync("/Analyse");

        var figures = page.Locator("figure.indicator[data-chart]");
        var count = await figures.CountAsync();
        Assert.True(count >= 15, $"{count} indicators");
        await page.WaitForTimeoutAsync(1000);
        // A table of zeros (no training yet that year…) gets « Aucune donnée » instead of a chart of nothing.
        var empty = await page.Locator("figure.indicator[data-chart] .chart-empty").CountAsync();
        Assert.True(await page.Locator("figure.indicator .chart canvas").CountAsync() + empty == count, string.Join("\n", errors));
        Assert.True(empty < count / 2, $"{empty} of {count} indicators without data");
        // Every chart is a labelled image and keeps its table, the same numbers, visible.
        for (var i = 0; i < count; i++)
        {
            var figure = figures.Nth(i);
            if (await figure.Locator(".chart-empty").CountAsync() > 0) continue;
            Assert.Equal("img", await figure.Locator(".chart").GetAttributeAsync("role"));
            Assert.False(string.IsNullOrWhiteSpace(await figure.Locator(".chart").GetAttributeAsync("aria-label")));
            await Assertions.Expect(figure.Locator("table.chart-data")).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Profils des candidats inscrits en {LastYear}" })).ToBeVisibleAsync();
        var total = int.Parse(await page.Locator("#voie tfoot td.number").First.TextContentAsync() ?? "0");
        Assert.True(total >= 90, "about a hundred registrations a year in the demo data");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Empty(errors);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("dashboard.png"), FullPage = true });

        await page.GetByLabel("Année", new() { Exact = true }).SelectOptionAsync((LastYear - 1).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"annee={LastYear - 1}"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Jurys de {LastYear - 1}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#comparaison-effectifs thead th").Last).ToHaveTextAsync((LastYear - 1).ToString());
    }

    [Fact]
    public async Task Without_javascript_the_dashboard_shows_every_table()
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl, Locale = "fr-FR", JavaScriptEnabled = false,
            StorageStatePath = await StatePathAsync("comite@cqp.test"),
        });
        await using var _ = context;
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Analyse");

        await Assertions.Expect(page.Locator("figure.indicator canvas")).ToHaveCountAsync(0);
        Assert.True(await page.Locator("figure.indicator table.chart-data").CountAsync() >= 15);
        await Assertions.Expect(page.Locator("#sexe tbody tr")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_user_starts_an_annual_pack_and_sees_it_finish_with_its_file_on_an_accessible_page()
    {
        await using var context = await portal.SignedInAsync("comite@cqp.test");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Analyse");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dossiers annuels et rapports (production, téléchargement)" }).ClickAsync();
        await page.WaitForURLAsync("**/Analyse/Rapports");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Année du dossier").SelectOptionAsync(LastYear.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Lancer le dossier annuel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "est lancé" })).ToContainTextAsync($"Le dossier annuel {LastYear} est lancé");
        var runId = await page.Locator("#runs tbody tr").First.GetAttributeAsync("data-run");
        var row = page.Locator($"#runs tbody tr[data-run='{runId}']");
        await page.EvaluateAsync("window.sameDocument = true");

        // The polling updates the row in place (or it was already finished when the page came back).
        await Assertions.Expect(row.Locator(".run-state")).ToHaveTextAsync("Terminé", new() { Timeout = 30_000 });
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = $"annual-{LastYear}.json" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("window.sameDocument === true"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = $"annual-{LastYear}.json" }).ClickAsync());
        Assert.Equal($"annual-{LastYear}.json", download.SuggestedFilename);
    }

    private async Task<string> StatePathAsync(string email)
    {
        await using var signedIn = await portal.SignedInAsync(email);
        var path = Path.Combine(Path.GetTempPath(), $"cqp-e2e-nojs-{Guid.NewGuid():N}.json");
        await signedIn.StorageStateAsync(new BrowserContextStorageStateOptions { Path = path });
        return path;
    }

    /// <summary>CQP_SCREENSHOT_DIR (e.g. reports/) keeps the screenshot; otherwise it goes to a temporary folder.</summary>
    private static string ScreenshotPath(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable("CQP_SCREENSHOT_DIR") is { Length: > 0 } dir ? Path.GetFullPath(dir) : Path.GetTempPath(), name);
}
