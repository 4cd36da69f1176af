using System.Net;
using System.Text.Json;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>The runs page: start an annual pack, follow it, download its files; by role only.</summary>
public class ReportRunsPageTests(ReportsPortal portal) : IClassFixture<ReportsPortal>
{
    private const string Page = "/Analyse/Rapports";
    private static readonly int LastYear = DateTime.UtcNow.Year - 1;

    private static async Task<JsonElement[]> StateAsync(PortalClient client)
    {
        var response = await client.Http.GetAsync(Page + "?handler=State");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToArray();
    }

    [Theory]
    [InlineData(Roles.SistAnalyst)]
    [InlineData(Roles.Committee)]
    [InlineData(Roles.Staff)]
    public async Task Sist_the_committee_and_staff_start_an_annual_pack_and_download_it_once_finished(string role)
    {
        using var client = await TestAccounts.SignedInAsync(portal, role, "Alex Rapport");

        var posted = await client.SubmitAsync(Page, new Dictionary<string, string> { ["Year"] = LastYear.ToString() });

        Assert.True(PortalClient.IsRedirectTo(posted, Page), $"{posted.StatusCode} {posted.Headers.Location}");
        var (_, page) = await client.GetAsync(Page);
        Assert.Contains($"Le dossier annuel {LastYear} est lancé", page.QuerySelector("[role=status].notice")!.TextContent);
        var row = page.QuerySelector("#runs tbody tr")!;
        var runId = int.Parse(row.GetAttribute("data-run")!);
        Assert.Contains("Dossier annuel", row.TextContent);
        Assert.Contains($"Année {LastYear}", row.TextContent);
        Assert.Contains("Alex Rapport", row.TextContent);

        var done = await portal.WaitForAsync(runId, r => r.State is ReportRunState.Succeeded or ReportRunState.Failed);
        Assert.Equal(ReportRunState.Succeeded, done.State);
        (_, page) = await client.GetAsync(Page);
        row = page.QuerySelector($"#runs tbody tr[data-run='{runId}']")!;
        Assert.Equal("Terminé", row.QuerySelector(".run-state")!.TextContent.Trim());
        var link = row.QuerySelectorAll(".run-files a").Single(a => a.TextContent.Trim() == $"annual-{LastYear}.json");
        Assert.Equal(4, row.QuerySelectorAll(".run-files a").Length); // workbook, JSON, PDF and the charts zip
        var download = await client.Http.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(LastYear, JsonDocument.Parse(await download.Content.ReadAsStringAsync()).RootElement.GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task While_a_run_goes_the_page_and_its_json_show_the_progress_and_no_file_is_downloadable()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        var queued = await portal.QueueAsync(GatedProducer.GatedKind, year: 1002);
        await portal.WaitForAsync(queued.Id, r => r.ProgressPercent == 40);

        var (_, page) = await sist.GetAsync(Page);
        var row = page.QuerySelector($"#runs tbody tr[data-run='{queued.Id}']")!;
        Assert.Equal("Running", row.GetAttribute("data-state"));
        Assert.Equal("En cours", row.QuerySelector(".run-state")!.TextContent.Trim());
        Assert.Equal("40", row.QuerySelector("progress")!.GetAttribute("value"));
        Assert.Contains("Étape de test", row.TextContent);
        Assert.Empty(row.QuerySelectorAll("a"));
        var json = (await StateAsync(sist)).Single(r => r.GetProperty("id").GetInt32() == queued.Id);
        Assert.Equal("Running", json.GetProperty("state").GetString());
        Assert.Equal(40, json.GetProperty("progress").GetInt32());
        Assert.Equal(0, json.GetProperty("files").GetArrayLength());

        // Even a file row that is not published with the Succeeded state is never served.
        int strayId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var stray = new ReportRunFile { ReportRunId = queued.Id, FileName = "moitie.txt", ContentType = "text/plain", Content = "moi"u8.ToArray(), Length = 3 };
            db.ReportRunFiles.Add(stray);
            await db.SaveChangesAsync();
            strayId = stray.Id;
        }
        Assert.Equal(HttpStatusCode.NotFound, (await sist.Http.GetAsync($"{Page}/Fichier/{strayId}")).StatusCode);

        portal.Gated.Gate(1002).SetResult();
        var done = await portal.WaitForAsync(queued.Id, r => r.State == ReportRunState.Succeeded);
        Assert.DoesNotContain(done.Files, f => f.FileName == "moitie.txt");
        json = (await StateAsync(sist)).Single(r => r.GetProperty("id").GetInt32() == queued.Id);
        Assert.Equal("Succeeded", json.GetProperty("state").GetString());
        Assert.Equal(["a.txt", "b.txt"], json.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("fileName").GetString()));
        var url = json.GetProperty("files")[0].GetProperty("url").GetString();
        Assert.Equal("premier", await sist.Http.GetStringAsync(url));
    }

    [Fact]
    public async Task A_missing_or_unoffered_year_is_refused_in_french_beside_the_field()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);

        var empty = await sist.SubmitAsync(Page, new Dictionary<string, string> { ["Year"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var page = await PortalClient.ParseAsync(empty);
        Assert.Equal("Choisissez l'année du dossier annuel.", page.QuerySelector("#year-error")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#Year")!.GetAttribute("aria-invalid"));

        var old = await sist.SubmitAsync(Page, new Dictionary<string, string> { ["Year"] = "1999" });
        page = await PortalClient.ParseAsync(old);
        Assert.Contains("Choisissez une année entre", page.QuerySelector("#year-error")!.TextContent);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CqpDbContext>().ReportRuns.AnyAsync(r => r.Year == 1999));
    }

    [Fact]
    public async Task Anonymous_visitors_candidates_and_company_managers_get_neither_the_page_the_json_nor_a_file()
    {
        var queued = await portal.QueueAsync(ReportKinds.AnnualPack, year: 2024);
        var done = await portal.WaitForAsync(queued.Id, r => r.State == ReportRunState.Succeeded);
        var fileUrl = $"{Page}/Fichier/{done.Files.First().Id}";

        using var anonymous = PortalClient.For(portal);
        foreach (var url in new[] { Page, Page + "?handler=State", fileUrl })
        {
            var response = await anonymous.Http.GetAsync(url);
            Assert.True(PortalClient.IsRedirectTo(response, "/Compte/Connexion?ReturnUrl="), $"{url}: {response.StatusCode}");
        }
        foreach (var role in new[] { Roles.Candidate, Roles.CompanyManager, Roles.JuryMember })
        {
            using var client = await TestAccounts.SignedInAsync(portal, role);
            foreach (var url in new[] { Page, Page + "?handler=State", fileUrl })
            {
                var response = await client.Http.GetAsync(url);
                Assert.True(PortalClient.IsRedirectTo(response, "/Compte/AccesRefuse"), $"{role} {url}: {response.StatusCode}");
            }
            var post = await client.Http.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["Year"] = "2024" }));
            Assert.True(PortalClient.IsRedirectTo(post, "/Compte/AccesRefuse"), $"{role} POST: {post.StatusCode}");
        }
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync(fileUrl)).StatusCode);
        // Staff reach the runs page, not the rest of the analytics.
        Assert.True(PortalClient.IsRedirectTo(await staff.Http.GetAsync("/Analyse"), "/Compte/AccesRefuse"));
    }

    [Fact]
    public async Task A_file_that_does_not_exist_is_not_found()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        Assert.Equal(HttpStatusCode.NotFound, (await sist.Http.GetAsync($"{Page}/Fichier/999999")).StatusCode);
    }
}
