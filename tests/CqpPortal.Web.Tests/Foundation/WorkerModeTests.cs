using System.Net;
using System.Text.Json;
using CqpPortal.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CqpPortal.Web.Tests.Foundation;

/// <summary>With Jobs:RunScheduler=false the web node only schedules; `./portal worker` runs the jobs.</summary>
public class WorkerModeTests
{
    [Fact]
    public async Task A_web_node_without_the_scheduler_stores_jobs_but_does_not_run_them()
    {
        using var portal = new PortalFactory(TestCluster.NewDatabase("webonly"), demoData: false,
            new Dictionary<string, string?> { ["Jobs:RunScheduler"] = "false" });
        using var client = PortalClient.For(portal);

        var health = await client.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Contains("worker", json.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("description").GetString());

        var scheduler = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotEqual(SchedulerStatus.Running, scheduler.Status);
        var key = new JobKey("stored-for-the-worker", "tests");
        await scheduler.AddJob(JobBuilder.Create<SchedulerTests.RecordingJob>().WithIdentity(key).StoreDurably().Build(), new AddJobOptions());
        Assert.True(await scheduler.Exists(key));
    }
}
