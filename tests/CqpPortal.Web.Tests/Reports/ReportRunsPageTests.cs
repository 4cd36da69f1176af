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

    private static async Task<JsonElement[]> StateAsync(PortalClient client) =>
        (await StateDocumentAsync(client)).GetProperty("runs").EnumerateArray().ToArray();

    private static async Task<JsonElement> StateDocumentAsync(PortalClient client)
    {
        var response = await client.Http.GetAsync(Page + "?handler=State");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    // Each role its own year: a pack of the same year still running would rightly not start again.
    [Theory]
    [InlineData(Roles.SistAnalyst, 0)]
    [InlineData(Roles.Committee, 5)]
    [InlineData(Roles.Staff, 6)]
    public async Task Sist_the_committee_and_staff_start_an_annual_pack_and_download_it_once_finished(string role, int yearsBefore)
    {
        using var client = await TestAccounts.SignedInAsync(portal, role, "Alex Rapport");
        var year = LastYear - yearsBefore;

        var posted = await client.SubmitAsync(Page, new Dictionary<string, string> { ["Year"] = year.ToString() });

        Assert.True(PortalClient.IsRedirectTo(posted, Page), $"{posted.StatusCode} {posted.Headers.Location}");
        var (_, page) = await client.GetAsync(Page);
        Assert.Contains($"Le dossier annuel {year} est lancé", page.QuerySelector("[role=status].notice")!.TextContent);
        var row = page.QuerySelector("#runs tbody tr")!;
        var runId = int.Parse(row.GetAttribute("data-run")!);
        Assert.Contains("Dossier annuel", row.TextContent);
        Assert.Contains($"Année {year}", row.TextContent);
        Assert.Contains("Alex Rapport", row.TextContent);

        var done = await portal.WaitForAsync(runId, r => r.State is ReportRunState.Succeeded or ReportRunState.Failed);
        Assert.Equal(ReportRunState.Succeeded, done.State);
        (_, page) = await client.GetAsync(Page);
        row = page.QuerySelector($"#runs tbody tr[data-run='{runId}']")!;
        Assert.Equal("Terminé", row.QuerySelector(".run-state")!.TextContent.Trim());
        var link = row.QuerySelectorAll(".run-files a").Single(a => a.TextContent.Trim() == $"annual-{year}.json");
        Assert.Equal(4, row.QuerySelectorAll(".run-files a").Length); // workbook, JSON, PDF and the charts zip
        var download = await client.Http.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(year, JsonDocument.Parse(await download.Content.ReadAsStringAsync()).RootElement.GetProperty("year").GetInt32());
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
    public async Task The_year_stays_chosen_after_a_launch()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        var year = LastYear - 2;

        var posted = await sist.SubmitAsync(Page, new Dictionary<string, string> { ["Kind"] = ReportKinds.AnnualPack, ["Year"] = year.ToString() });

        Assert.True(PortalClient.IsRedirectTo(posted, Page), $"{posted.StatusCode} {posted.Headers.Location}");
        var (_, page) = await sist.GetAsync(posted.Headers.Location!.ToString());
        Assert.Equal(year.ToString(), page.QuerySelector("#Year option[selected]")!.GetAttribute("value"));
        Assert.Contains($"Le dossier annuel {year} est lancé", page.QuerySelector("[role=status].notice")!.TextContent);
    }

    [Theory]
    [InlineData(ReportKinds.HolderOutcomes, "devenir-titulaires-6-mois-jury-")]
    [InlineData(ReportKinds.HolderOutcomes24, "devenir-titulaires-24-mois-jury-")]
    public async Task A_session_outcome_report_of_each_wave_is_started_by_hand_for_a_past_jury_which_stays_chosen(string kind, string stem)
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff, "Sam Rapport");
        var (_, form) = await staff.GetAsync(Page);
        var options = form.QuerySelectorAll($"#SessionId-{kind} option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(portal.DueJuryId.ToString(), options);
        Assert.DoesNotContain(portal.CancelledJuryId.ToString(), options);
        Assert.DoesNotContain(portal.OldEvaluationId.ToString(), options);

        var posted = await staff.SubmitAsync(Page, new Dictionary<string, string> { ["Kind"] = kind, ["SessionId"] = portal.DueJuryId.ToString() });

        Assert.True(PortalClient.IsRedirectTo(posted, Page), $"{posted.StatusCode} {posted.Headers.Location}");
        var (_, page) = await staff.GetAsync(posted.Headers.Location!.ToString());
        Assert.Equal(portal.DueJuryId.ToString(), page.QuerySelector($"#SessionId-{kind} option[selected]")!.GetAttribute("value"));
        var row = page.QuerySelector("#runs tbody tr")!;
        var runId = int.Parse(row.GetAttribute("data-run")!);
        Assert.Contains(ReportKinds.Label(kind), row.TextContent);
        Assert.Contains("Jury du", row.TextContent);
        var done = await portal.WaitForAsync(runId, r => r.State is ReportRunState.Succeeded or ReportRunState.Failed);
        Assert.Equal(ReportRunState.Succeeded, done.State);
        Assert.All(done.Files, f => Assert.StartsWith(stem, f.FileName));
        Assert.Equal([".pdf", ".xlsx"], done.Files.Select(f => Path.GetExtension(f.FileName)).Order());
    }

    [Fact]
    public async Task A_report_started_before_the_answering_window_closes_is_run_but_the_page_says_the_answers_are_not_all_in()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);

        // The due jury's 6-month window has closed: no warning. Its 24-month window has not even opened.
        var closed = await sist.SubmitAsync(Page, new Dictionary<string, string> { ["Kind"] = ReportKinds.HolderOutcomes, ["SessionId"] = portal.DueJuryId.ToString() });
        var (_, page) = await sist.GetAsync(closed.Headers.Location!.ToString());
        Assert.Null(page.QuerySelector("#report-notice"));

        var open = await sist.SubmitAsync(Page, new Dictionary<string, string> { ["Kind"] = ReportKinds.HolderOutcomes24, ["SessionId"] = portal.DueJuryId.ToString() });
        Assert.True(PortalClient.IsRedirectTo(open, Page));
        (_, page) = await sist.GetAsync(open.Headers.Location!.ToString());
        Assert.Contains("Les réponses à l'enquête à 24 mois de ce jury ne sont pas toutes arrivées", page.QuerySelector("#report-notice")!.TextContent);
        var runId = int.Parse(page.QuerySelector("#runs tbody tr")!.GetAttribute("data-run")!);
        var done = await portal.WaitForAsync(runId, r => r.State is ReportRunState.Succeeded or ReportRunState.Failed);
        var pdf = PdfText.Of(done.Files.Single(f => f.FileName.EndsWith(".pdf")).Content).Replace('\u00a0', ' ');
        Assert.Contains("Rapport provisoire", pdf);
    }

    [Fact]
    public async Task An_unknown_cancelled_or_missing_jury_is_refused_in_french_beside_its_field_and_nothing_is_queued()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var before = await db.ReportRuns.CountAsync();

        foreach (var (session, message) in new[]
        {
            ("", "Choisissez un jury."),
            ("999999", "Choisissez un jury passé dans la liste."),
            (portal.CancelledJuryId.ToString(), "Choisissez un jury passé dans la liste."),
            (portal.OldEvaluationId.ToString(), "Choisissez un jury passé dans la liste."),
        })
        {
            var response = await sist.SubmitAsync(Page, new Dictionary<string, string> { ["Kind"] = ReportKinds.HolderOutcomes24, ["SessionId"] = session, ["Year"] = "2024" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await PortalClient.ParseAsync(response);
            Assert.Equal(message, page.QuerySelector($"#session-error-{ReportKinds.HolderOutcomes24}")!.TextContent.Trim());
            Assert.Equal("true", page.QuerySelector($"#SessionId-{ReportKinds.HolderOutcomes24}")!.GetAttribute("aria-invalid"));
            // What was chosen elsewhere on the page is kept.
            Assert.Equal("2024", page.QuerySelector("#Year option[selected]")?.GetAttribute("value"));
        }
        Assert.Equal(before, await db.ReportRuns.CountAsync());

        var unknownKind = await sist.SubmitAsync(Page, new Dictionary<string, string> { ["Kind"] = GatedProducer.GatedKind, ["Year"] = "2024" });
        Assert.Equal(HttpStatusCode.OK, unknownKind.StatusCode);
        Assert.Contains("Choisissez un rapport proposé sur cette page.", (await PortalClient.ParseAsync(unknownKind)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(before, await db.ReportRuns.CountAsync());
    }

    [Fact]
    public async Task The_state_endpoint_says_a_run_is_running_while_one_goes_and_no_run_once_all_are_finished()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        var queued = await portal.QueueAsync(GatedProducer.GatedKind, year: 1003);
        await portal.WaitForAsync(queued.Id, r => r.ProgressPercent == 40);

        Assert.True((await StateDocumentAsync(sist)).GetProperty("running").GetBoolean());
        var (_, page) = await sist.GetAsync(Page);
        Assert.Equal("true", page.QuerySelector("#runs")!.GetAttribute("data-active"));
        Assert.StartsWith("Des rapports sont en cours", page.QuerySelector("#runs-refresh")!.TextContent);

        portal.Gated.Gate(1003).SetResult();
        await portal.WaitForAsync(queued.Id, r => r.State == ReportRunState.Succeeded);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            foreach (var id in await db.ReportRuns.Where(r => r.State == ReportRunState.Queued || r.State == ReportRunState.Running).Select(r => r.Id).ToListAsync())
                await portal.WaitForAsync(id, r => r.State is ReportRunState.Succeeded or ReportRunState.Failed);
        }

        var state = await StateDocumentAsync(sist);
        Assert.False(state.GetProperty("running").GetBoolean());
        Assert.All(state.GetProperty("runs").EnumerateArray(), r => Assert.Contains(r.GetProperty("state").GetString(), new[] { "Succeeded", "Failed" }));
        (_, page) = await sist.GetAsync(Page);
        Assert.Equal("false", page.QuerySelector("#runs")!.GetAttribute("data-active"));
        Assert.Equal("Aucun rapport en cours.", page.QuerySelector("#runs-refresh")!.TextContent.Trim());
    }

    [Fact]
    public async Task Asking_for_the_same_report_while_it_is_queued_or_running_starts_no_second_run_and_the_page_shows_the_one_there()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst, "Claire Double");
        var year = LastYear - 4;
        int runningId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            // A pack of that year already running (asked by someone else).
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var running = new ReportRun
            {
                Kind = ReportKinds.AnnualPack, Year = year, RequestedByName = "Paul Premier", State = ReportRunState.Running,
                CreatedAt = DateTimeOffset.UtcNow, StartedAt = DateTimeOffset.UtcNow, ProgressPercent = 20, Attempts = 1,
            };
            db.ReportRuns.Add(running);
            await db.SaveChangesAsync();
            runningId = running.Id;
        }
        try
        {
            var posted = await sist.SubmitAsync(Page, new Dictionary<string, string> { ["Year"] = year.ToString() });

            Assert.True(PortalClient.IsRedirectTo(posted, Page), $"{posted.StatusCode} {posted.Headers.Location}");
            var (_, page) = await sist.GetAsync(posted.Headers.Location!.ToString());
            var message = page.QuerySelector("#already-running")!.TextContent;
            Assert.StartsWith($"Ce rapport est déjà en cours (n° {runningId}, demandé par Paul Premier le ", message);
            Assert.Contains("aucun second rapport n'a été lancé", message);
            Assert.Null(page.QuerySelector(".notice.success"));
            var row = page.QuerySelector($"#runs tbody tr[data-run='{runningId}']")!;
            Assert.Contains("current-run", row.ClassName);
            Assert.Equal("already-running", row.GetAttribute("aria-describedby"));
            Assert.Equal(year.ToString(), page.QuerySelector("#Year option[selected]")!.GetAttribute("value"));
            await using var scope = portal.Services.CreateAsyncScope();
            Assert.Equal([runningId], await scope.ServiceProvider.GetRequiredService<CqpDbContext>().ReportRuns
                .Where(r => r.Kind == ReportKinds.AnnualPack && r.Year == year).Select(r => r.Id).ToListAsync());
        }
        finally
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CqpDbContext>().ReportRuns.Where(r => r.Id == runningId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, ReportRunState.Failed).SetProperty(r => r.FinishedAt, DateTimeOffset.UtcNow));
        }
    }

    [Fact]
    public async Task Eight_requests_of_the_same_report_at_once_make_one_run_and_once_it_is_over_a_new_request_makes_a_new_one()
    {
        const int gate = 1004;
        async Task<RequestedRun> RequestAsync(string who)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReportRuns>().RequestAsync(GatedProducer.GatedKind, gate, null, null, who);
        }

        var requests = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => RequestAsync($"Demandeur {i}"))));

        var first = Assert.Single(requests, r => !r.AlreadyActive);
        Assert.All(requests, r => Assert.Equal(first.Run.Id, r.Run.Id));
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CqpDbContext>().ReportRuns.CountAsync(r => r.Kind == GatedProducer.GatedKind && r.Year == gate));

        portal.Gated.Gate(gate).SetResult();
        await portal.WaitForAsync(first.Run.Id, r => r.State == ReportRunState.Succeeded);
        var again = await RequestAsync("Plus tard");
        Assert.False(again.AlreadyActive);
        Assert.NotEqual(first.Run.Id, again.Run.Id);
        await portal.WaitForAsync(again.Run.Id, r => r.State == ReportRunState.Succeeded);
    }

    [Fact]
    public async Task A_file_that_does_not_exist_is_not_found()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        Assert.Equal(HttpStatusCode.NotFound, (await sist.Http.GetAsync($"{Page}/Fichier/999999")).StatusCode);
    }
}
