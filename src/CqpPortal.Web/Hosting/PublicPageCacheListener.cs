using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace CqpPortal.Web.Hosting;

/// <summary>
/// Each web node LISTENs on <see cref="PublicPageCache.Channel"/> over one dedicated connection and evicts the tags
/// another node (or a worker, or the command line) notified, within a second of its commit. When the connection drops
/// it reconnects with backoff and then empties its cache, since notifications sent meanwhile are lost. No polling: the
/// connection waits for PostgreSQL (with keepalives, so a dead connection is noticed).
/// </summary>
public sealed class PublicPageCacheListener(IConfiguration configuration, IOutputCacheStore store, ILogger<PublicPageCacheListener> logger) : BackgroundService
{
    /// <summary>The listening connection's name in pg_stat_activity.</summary>
    public const string ApplicationName = "cqp-cache-listener";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PortalDataExtensions.ConnectionString(configuration))
        {
            Pooling = false, // its own connection: never lent to a request, never reset by the pool
            KeepAlive = 15,
            ApplicationName = ApplicationName,
        }.ConnectionString;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                var received = new ConcurrentQueue<string>();
                connection.Notification += (_, e) => received.Enqueue(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PublicPageCache.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Whatever was cached before this LISTEN may have missed a change: start afresh.
                await store.EvictByTagAsync(PublicPageCache.All, stoppingToken);
                if (failures > 0) logger.LogInformation("Output cache listener reconnected to PostgreSQL; the cache was emptied.");
                failures = 0;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                    while (received.TryDequeue(out var payload))
                        foreach (var tag in payload.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                            await store.EvictByTagAsync(tag, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var delay = Backoff(failures++);
                logger.LogWarning(e, "Output cache listener lost PostgreSQL; reconnecting in {Delay} s.", delay.TotalSeconds);
                try { await Task.Delay(delay, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>0.5 s, 1 s, 2 s… up to 30 s between attempts.</summary>
    public static TimeSpan Backoff(int failures) => TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * (1 << Math.Min(failures, 6))));
}
