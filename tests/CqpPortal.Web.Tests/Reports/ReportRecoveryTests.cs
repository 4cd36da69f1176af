using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>
/// Kill and recover, for real: a worker process (`CqpPortal.Web.dll worker`) runs a slow annual pack while a second
/// worker is up; the live worker keeps its job for far longer than the invisibility timeout (3 s here); then it is killed
/// midway, and the second worker fetches the job again once the timeout has passed; the run ends Succeeded once, with
/// one set of files, and nothing was downloadable in between.
/// </summary>
public class ReportRecoveryTests
{
    private static readonly int LastYear = DateTime.UtcNow.Year - 1;
    private static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(3);

    private sealed class Worker : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        public Worker(string connectionString, int stepDelayMs, string mailFolder)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CqpPortal.Web.dll"));
            start.ArgumentList.Add("worker");
            start.Environment["CQP_DB"] = connectionString;
            start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
            start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
            start.Environment["Reports__StepDelayMs"] = stepDelayMs.ToString();
            start.Environment["Email__PickupDirectory"] = mailFolder;
            start.Environment["Jobs__InvisibilityTimeout"] = InvisibilityTimeout.ToString();
            process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output { get { lock (output) return output.ToString(); } }

        public bool HasExited => process.HasExited;

        public async Task KillAsync()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }

    [Fact]
    public async Task A_run_whose_worker_is_killed_midway_is_recovered_by_another_worker_and_completes_once()
    {
        // The web node only queues (Jobs:RunScheduler=false); the workers run the jobs.
        using var portal = new PortalFactory(TestCluster.NewDatabase("recovery"), demoData: false,
            new Dictionary<string, string?> { ["Jobs:RunScheduler"] = "false" });
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        var posted = await sist.SubmitAsync("/Analyse/Rapports", new Dictionary<string, string> { ["Year"] = LastYear.ToString() });
        Assert.True(PortalClient.IsRedirectTo(posted, "/Analyse/Rapports"), posted.StatusCode.ToString());
        var runId = await ReadAsync(portal, db => db.ReportRuns.Select(r => r.Id).SingleAsync());

        // Each step of the first worker lasts 20 s, far beyond the invisibility timeout; the second worker's 0.1 s.
        using var first = new Worker(portal.ConnectionString, stepDelayMs: 20_000, portal.MailFolder);
        var running = await WaitForAsync(portal, runId, r => r.State == ReportRunState.Running && r.ProgressPercent >= 10, first);
        Assert.Equal(1, running.Attempts);
        await AssertNothingDownloadableAsync(portal, sist, runId);
        using var second = new Worker(portal.ConnectionString, stepDelayMs: 100, portal.MailFolder);
        var monitoring = portal.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await PollAsync(() => monitoring.Servers().Count == 2, "the second worker's Hangfire server", second);

        // The live first worker renews its claim: its job is not handed to the idle second worker, it reaches its next step.
        var stillFirst = await WaitForAsync(portal, runId, r => r.ProgressPercent >= 90 || r.Attempts > 1, first);
        Assert.Equal((ReportRunState.Running, 1, 90), (stillFirst.State, stillFirst.Attempts, stillFirst.ProgressPercent));

        await first.KillAsync();
        var afterKill = await ReadAsync(portal, db => db.ReportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
        Assert.Equal(ReportRunState.Running, afterKill.State);
        await AssertNothingDownloadableAsync(portal, sist, runId);

        // The second worker fetches the dead worker's job again once the invisibility timeout has passed, and starts from scratch.
        var until = DateTime.UtcNow.AddMinutes(2);
        ReportRun run;
        while (true)
        {
            run = await ReadAsync(portal, db => db.ReportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
            if (run.State == ReportRunState.Succeeded) break;
            Assert.NotEqual(ReportRunState.Failed, run.State);
            // State and files read in one statement (one snapshot): a file is never there unless the run has succeeded.
            var snapshot = await ReadAsync(portal, db => db.ReportRuns.Where(r => r.Id == runId)
                .Select(r => new { r.State, Files = db.ReportRunFiles.Count(f => f.ReportRunId == runId) }).SingleAsync());
            Assert.True(snapshot.Files == 0 || snapshot.State == ReportRunState.Succeeded, $"{snapshot.Files} file(s) visible while the run is {snapshot.State}");
            Assert.True(DateTime.UtcNow < until, $"Run {runId} not recovered: {run.State} {run.ProgressPercent} %. Worker output:\n{second.Output}");
            await Task.Delay(250);
        }

        Assert.Equal(2, run.Attempts);
        var files = await ReadAsync(portal, db => db.ReportRunFiles.AsNoTracking().Where(f => f.ReportRunId == runId).ToListAsync());
        Assert.Equal([$"annual-{LastYear}-graphiques.zip", $"annual-{LastYear}.json", $"annual-{LastYear}.pdf", $"annual-{LastYear}.xlsx"], files.Select(f => f.FileName).Order());
        var file = files.Single(f => f.FileName.EndsWith(".json"));
        var download = await sist.Http.GetAsync($"/Analyse/Rapports/Fichier/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(await sist.Http.GetByteArrayAsync($"/Analyse/Statistiques/{LastYear}.json"), await download.Content.ReadAsByteArrayAsync());

        // Completed once: Hangfire's job is Succeeded (nothing will run it again) and the run did not change.
        // (Each worker's start also runs the catch-up jobs once — the surveys, the answers file: not this run's job.)
        await PollAsync(() => monitoring.SucceededJobs(0, 100).Count(j => !CqpPortal.Web.Jobs.PortalJobsExtensions.CatchUpJobs.Contains(j.Value.Job?.Type!)) == 1 && monitoring.ProcessingCount() == 0,
            "the Hangfire job to succeed", second);
        var later = await ReadAsync(portal, db => db.ReportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
        Assert.Equal((ReportRunState.Succeeded, 2, run.FinishedAt), (later.State, later.Attempts, later.FinishedAt));
        Assert.Equal(4, await ReadAsync(portal, db => db.ReportRunFiles.CountAsync(f => f.ReportRunId == runId)));
        Assert.False(second.HasExited, second.Output);
    }

    private static async Task PollAsync(Func<bool> done, string what, Worker worker)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < until && !worker.HasExited, $"Waiting for {what}. Worker output:\n{worker.Output}");
            await Task.Delay(100);
        }
    }

    private static async Task<T> ReadAsync<T>(PortalFactory portal, Func<CqpDbContext, Task<T>> read)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CqpDbContext>());
    }

    private static async Task<ReportRun> WaitForAsync(PortalFactory portal, int runId, Func<ReportRun, bool> done, Worker worker)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var run = await ReadAsync(portal, db => db.ReportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
            if (done(run)) return run;
            Assert.True(DateTime.UtcNow < until && !worker.HasExited, $"Run {runId}: {run.State} {run.ProgressPercent} %. Worker output:\n{worker.Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>No file row for the run, no link on the page, no file in its JSON.</summary>
    private static async Task AssertNothingDownloadableAsync(PortalFactory portal, PortalClient client, int runId)
    {
        Assert.Equal(0, await ReadAsync(portal, db => db.ReportRunFiles.CountAsync(f => f.ReportRunId == runId)));
        var (_, page) = await client.GetAsync("/Analyse/Rapports");
        Assert.Empty(page.QuerySelectorAll($"#runs tr[data-run='{runId}'] a"));
        var json = JsonDocument.Parse(await client.Http.GetStringAsync("/Analyse/Rapports?handler=State")).RootElement;
        Assert.Equal(0, json.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == runId).GetProperty("files").GetArrayLength());
    }
}
