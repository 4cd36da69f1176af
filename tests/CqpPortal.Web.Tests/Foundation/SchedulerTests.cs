using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CqpPortal.Web.Tests.Foundation;

[Collection(PortalCollection.Name)]
public class SchedulerTests(DemoPortal portal)
{
    public sealed class RecordingJob : IJob
    {
        public static readonly TaskCompletionSource<string> Ran = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            Ran.TrySetResult(context.MergedJobDataMap.GetString("greeting") ?? "");
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task A_job_is_stored_in_postgresql_and_run_by_the_clustered_scheduler()
    {
        var scheduler = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        Assert.True(metadata.JobStorePersistent);
        Assert.True(metadata.JobStoreClustered);

        var key = new JobKey($"recording-{Guid.NewGuid():N}", "tests");
        var job = JobBuilder.Create<RecordingJob>().WithIdentity(key).UsingJobData("greeting", "bonjour").RequestRecovery().StoreDurably().Build();
        await scheduler.AddJob(job, new AddJobOptions());

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var stored = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM qrtz_job_details WHERE job_name = {0} AND requests_recovery", key.Name).SingleAsync();
            Assert.Equal(1, stored);
        }

        await scheduler.TriggerJob(key, new JobDataMap());
        Assert.Equal("bonjour", await RecordingJob.Ran.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
