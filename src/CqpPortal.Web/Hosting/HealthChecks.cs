using System.Text.Json;
using CqpPortal.Web.Data;
using CqpPortal.Web.Jobs;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CqpPortal.Web.Hosting;

public sealed class DatabaseHealthCheck(CqpDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("PostgreSQL répond.")
                : HealthCheckResult.Unhealthy("PostgreSQL ne répond pas.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL ne répond pas.", e);
        }
    }
}

/// <summary>
/// The job storage answers, and the Hangfire servers alive (heartbeat within the last minute) as its monitoring API
/// sees them: this node's own server when it runs one, otherwise jobs are left to a worker.
/// </summary>
public sealed class JobsHealthCheck(JobStorage storage, JobsSettings settings, JobServerName serverName) : IHealthCheck
{
    private static readonly TimeSpan Alive = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers()
                .Where(s => s.Heartbeat is { } beat && DateTime.UtcNow - beat < Alive)
                .Select(s => s.Name).Order().ToList();
            var data = new Dictionary<string, object> { ["serversAlive"] = servers.Count, ["servers"] = servers };
            if (!settings.RunScheduler)
                return Task.FromResult(HealthCheckResult.Healthy("Les tâches s'exécutent dans un processus séparé (worker).", data));
            return Task.FromResult(servers.Any(s => s.StartsWith(serverName.Value, StringComparison.Ordinal))
                ? HealthCheckResult.Healthy("Serveur de tâches démarré.", data)
                : HealthCheckResult.Unhealthy("Serveur de tâches arrêté.", data: data));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Stockage des tâches indisponible.", e));
        }
    }
}

/// <summary>For /health/ready: the job storage answers (whether this node runs jobs or not).</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            storage.GetMonitoringApi().Servers();
            return Task.FromResult(HealthCheckResult.Healthy("Le stockage des tâches répond."));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Stockage des tâches indisponible.", e));
        }
    }
}

/// <summary>/health/ready runs the checks tagged "ready": what a node needs to serve requests (database, job storage).</summary>
public static class HealthTags
{
    public const string Ready = "ready";
}

public static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// A small JSON body: overall status and each check's status and fixed French description. Nothing about the
    /// instance (machine or server names, versions, counts, exception text): /health is reachable by anyone.
    /// </summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = FixedDescription(e.Value) }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    // A check that threw gets the exception's text as its description: that never leaves the server.
    private static string? FixedDescription(HealthReportEntry entry) =>
        entry.Exception is { } e && entry.Description == e.Message ? null : entry.Description;
}
