using System.Collections.Concurrent;
using CqpPortal.Testing;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Nodes;

/// <summary>Two nodes running job servers on one database: a recurring job that falls due runs on one of them, once.</summary>
public class RecurringJobOnTwoNodesTests
{
    public static class Counter
    {
        public static readonly ConcurrentDictionary<string, int> Runs = new();

        public static void Hit(string marker) => Runs.AddOrUpdate(marker, 1, (_, n) => n + 1);
    }

    private static readonly Dictionary<string, string?> WithJobServer = new()
    {
        ["Jobs:RunScheduler"] = "true", ["Jobs:SchedulePollingInterval"] = "00:00:01",
    };

    [Fact]
    public async Task A_recurring_job_due_now_runs_once_although_two_servers_look_for_it()
    {
        var database = TestCluster.NewDatabase("recurring");
        using var first = new PortalFactory(database, demoData: false, WithJobServer);
        _ = first.Server;
        using var second = new PortalFactory(database, demoData: false, new Dictionary<string, string?>(WithJobServer) { ["Portal:MigrateOnStart"] = "false" });
        _ = second.Server;

        // A yearly job last run two years ago and due since a minute ago: both servers' schedulers see it at their next
        // poll (every second); missed occurrences are run once (Hangfire's relaxed misfire handling).
        var marker = Guid.NewGuid().ToString("N");
        var id = $"test-{marker}";
        first.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate(id, () => Counter.Hit(marker), "0 0 1 1 *",
            new RecurringJobOptions { TimeZone = CqpPortal.Domain.Time.DayInParis.Zone });
        var due = DateTime.UtcNow.AddMinutes(-1);
        using (var connection = first.Services.GetRequiredService<JobStorage>().GetConnection())
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.SetRangeInHash($"recurring-job:{id}",
            [
                new("CreatedAt", JobHelper.SerializeDateTime(due.AddYears(-2))),
                new("LastExecution", JobHelper.SerializeDateTime(due.AddYears(-2))),
                new("NextExecution", JobHelper.SerializeDateTime(due)),
            ]);
            transaction.AddToSet("recurring-jobs", id, JobHelper.ToTimestamp(due));
            transaction.Commit();
        }

        var until = DateTime.UtcNow.AddSeconds(30);
        while (!Counter.Runs.ContainsKey(marker))
        {
            Assert.True(DateTime.UtcNow < until, "The recurring job did not run.");
            await Task.Delay(100);
        }
        // Absence takes a wait: three more polls of both servers, which would have enqueued it again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, Counter.Runs[marker]);
        var servers = first.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers();
        Assert.True(servers.Count >= 2, $"{servers.Count} job servers seen");
    }
}
