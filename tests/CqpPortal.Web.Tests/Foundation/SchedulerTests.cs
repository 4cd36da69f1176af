using System.Collections.Concurrent;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Jobs;
using CqpPortal.Web.Reports;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Foundation;

/// <summary>A portal that runs a Hangfire server itself (Jobs:RunScheduler on), on a database of its own.</summary>
public sealed class JobsPortal() : PortalFactory(TestCluster.NewDatabase("jobs"), demoData: false, new Dictionary<string, string?> { ["Jobs:RunScheduler"] = "true" });

public class SchedulerTests(JobsPortal portal) : IClassFixture<JobsPortal>
{
    public static class RecordingJob
    {
        public static readonly ConcurrentDictionary<string, string> Ran = new();

        public static void Record(string marker, string greeting) => Ran[marker] = greeting;
    }

    [Fact]
    public async Task A_job_is_stored_in_postgresql_and_run_by_the_hangfire_server()
    {
        var marker = Guid.NewGuid().ToString("N");
        var jobId = portal.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => RecordingJob.Record(marker, "bonjour"));

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var stored = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM hangfire.job WHERE id = {0}", long.Parse(jobId)).SingleAsync();
            Assert.Equal(1, stored);
        }
        var monitoring = portal.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (monitoring.JobDetails(jobId).History.FirstOrDefault()?.StateName != "Succeeded")
        {
            Assert.True(DateTime.UtcNow < until, $"Job {jobId} not run: {monitoring.JobDetails(jobId).History.FirstOrDefault()?.StateName}");
            await Task.Delay(100);
        }
        Assert.Equal("bonjour", RecordingJob.Ran[marker]);
    }

    [Fact]
    public async Task A_node_that_runs_the_scheduler_enqueues_one_catch_up_run_of_the_survey_job_at_start()
    {
        // The site may have been down at 09:00: the run is idempotent, so every start runs it once more.
        var monitoring = portal.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var until = DateTime.UtcNow.AddSeconds(30);
        long? jobId;
        while ((jobId = (await db.Database.SqlQueryRaw<long>("SELECT id AS \"Value\" FROM hangfire.job WHERE invocationdata::text LIKE '%HolderSurveyJob%' ORDER BY id LIMIT 1")
                   .ToListAsync()).Select(id => (long?)id).FirstOrDefault()) is null)
        {
            Assert.True(DateTime.UtcNow < until, "No catch-up run of the survey job was enqueued at start.");
            await Task.Delay(100);
        }
        while (monitoring.JobDetails(jobId.Value.ToString()).History.FirstOrDefault()?.StateName is not ("Succeeded" or "Failed"))
        {
            Assert.True(DateTime.UtcNow < until, "The catch-up run did not finish.");
            await Task.Delay(100);
        }
        Assert.Equal("Succeeded", monitoring.JobDetails(jobId.Value.ToString()).History.First().StateName);
    }

    [Fact]
    public void The_recurring_jobs_are_registered_at_start_up_in_paris_time_and_registering_again_changes_nothing()
    {
        var storage = portal.Services.GetRequiredService<JobStorage>();
        PortalJobsExtensions.RegisterRecurringJobs(portal.Services.GetRequiredService<IRecurringJobManager>()); // as a second node starting

        using var connection = storage.GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Equal(9, recurring.Count);
        Assert.Equal("0 8 * * *", recurring[SessionReminderJob.Id].Cron);
        Assert.Equal("0 9 * * *", recurring[HolderSurveyJob.Id].Cron);
        Assert.Equal("0 6 15 1 *", recurring[AnnualPackScheduleJob.Id].Cron);
        Assert.Equal("30 6 * * *", recurring[HolderOutcomeScheduleJob.Id].Cron);
        Assert.Equal("10 * * * *", recurring[SurveyAnswersFileJob.Id].Cron);
        Assert.Equal("0 8 * * 1", recurring[SurveyAnswersMailJob.Id].Cron); // Monday morning, Paris
        Assert.Equal("30 7 * * *", recurring[JourneyDeadlineJob.Id].Cron);
        Assert.Equal("40 3 * * *", recurring[CqpPortal.Web.Identity.UserSessionPurgeJob.Id].Cron);
        Assert.Equal("10 4 * * *", recurring[CqpPortal.Web.Privacy.RetentionJob.Id].Cron); // the privacy notice's retention periods
        Assert.All(recurring.Values, job => Assert.Equal("Europe/Paris", job.TimeZoneId));
        Assert.Equal(typeof(SessionReminderJob), recurring[SessionReminderJob.Id].Job.Type);
    }

    [Fact]
    public async Task Health_reports_this_nodes_hangfire_server_alive()
    {
        using var client = PortalClient.For(portal);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.Http.GetAsync("/health");
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var jobs = json.RootElement.GetProperty("checks").GetProperty("jobs");
            if (response.IsSuccessStatusCode)
            {
                Assert.Equal("Serveur de tâches démarré.", jobs.GetProperty("description").GetString());
                Assert.False(jobs.TryGetProperty("data", out _)); // no instance details on a public probe
                return;
            }
            Assert.True(DateTime.UtcNow < until, jobs.ToString());
            await Task.Delay(200);
        }
    }
}
