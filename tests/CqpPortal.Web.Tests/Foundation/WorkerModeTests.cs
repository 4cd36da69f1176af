using System.Net;
using System.Text.Json;
using CqpPortal.Testing;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Foundation;

/// <summary>With Jobs:RunScheduler=false the web node only enqueues; `./portal worker` runs the jobs.</summary>
public class WorkerModeTests
{
    [Fact]
    public async Task A_web_node_without_the_scheduler_stores_jobs_but_does_not_run_them_and_answers_the_probes()
    {
        using var portal = new PortalFactory(TestCluster.NewDatabase("webonly"), demoData: false,
            new Dictionary<string, string?> { ["Jobs:RunScheduler"] = "false" });
        using var client = PortalClient.For(portal);

        var health = await client.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        var jobs = json.RootElement.GetProperty("checks").GetProperty("jobs");
        Assert.Contains("worker", jobs.GetProperty("description").GetString());
        Assert.False(jobs.TryGetProperty("data", out _)); // no instance details on a public probe

        var storage = portal.Services.GetRequiredService<JobStorage>();
        var jobId = portal.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => SchedulerTests.RecordingJob.Record("for-the-worker", "bonjour"));
        Assert.Empty(storage.GetMonitoringApi().Servers());
        Assert.Equal("Enqueued", storage.GetMonitoringApi().JobDetails(jobId).History.First().StateName);
        Assert.False(SchedulerTests.RecordingJob.Ran.ContainsKey("for-the-worker"));

        // The probes: live without any dependency, ready with the database, the schema and the job storage.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/live")).StatusCode);
        var ready = await client.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var readyJson = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal(["database", "jobStorage", "schema"], readyJson.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
    }
}
