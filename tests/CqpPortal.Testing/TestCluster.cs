using System.Diagnostics;
using CqpPortal.LocalDb;

namespace CqpPortal.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test process, on a free port, removed when the process exits. Clusters
/// left behind by a killed test run are stopped and removed by the next one.
/// </summary>
public static class TestCluster
{
    private const string Prefix = "cqp-test-";
    private static readonly Lazy<LocalCluster> Shared = new(() => Create(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static int databaseCounter;

    public static LocalCluster Instance => Shared.Value;

    /// <summary>A new, empty database on the shared cluster; returns its connection string.</summary>
    public static string NewDatabase(string purpose)
    {
        var name = $"{purpose}_{Interlocked.Increment(ref databaseCounter)}".ToLowerInvariant();
        Instance.EnsureDatabaseAsync(name).GetAwaiter().GetResult();
        return Instance.ConnectionString(name);
    }

    /// <summary>A cluster of its own, for tests that stop and start the server. The caller destroys it.</summary>
    public static LocalCluster Create()
    {
        RemoveAbandoned();
        var folder = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40], "pg");
        var cluster = new LocalCluster(folder, LocalCluster.FreePort(), durable: false);
        cluster.Initialise();
        cluster.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(cluster);
        return cluster;
    }

    public static void Remove(LocalCluster cluster)
    {
        try { cluster.Destroy(); } catch (Exception e) { Console.Error.WriteLine($"Could not remove test cluster {cluster.DataDirectory}: {e.Message}"); }
        var parent = Path.GetDirectoryName(cluster.DataDirectory)!;
        if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any()) Directory.Delete(parent);
    }

    private static void RemoveAbandoned()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var pidText = Path.GetFileName(folder)[Prefix.Length..].Split('-')[0];
            if (!int.TryParse(pidText, out var pid) || IsAlive(pid)) continue;
            var data = Path.Combine(folder, "pg");
            try
            {
                if (File.Exists(Path.Combine(data, "PG_VERSION"))) new LocalCluster(data, 0).Destroy();
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"Could not remove abandoned test cluster {folder}: {e.Message}");
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }
}
