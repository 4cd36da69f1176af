using System.Text.Json;
using CqpPortal.Web.Data;
using CqpPortal.Web.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

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

/// <summary>The scheduler is started here (or deliberately left to a worker) and its job store answers.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory factory, JobsSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            var metadata = await scheduler.GetMetadata(cancellationToken);
            await scheduler.GetJobGroupNames(cancellationToken); // reads the persistent store
            var data = new Dictionary<string, object>
            {
                ["instance"] = metadata.SchedulerInstanceId,
                ["clustered"] = metadata.JobStoreClustered,
                ["persistent"] = metadata.JobStorePersistent,
            };
            if (!settings.RunScheduler)
                return HealthCheckResult.Healthy("Les tâches s'exécutent dans un processus séparé (worker).", data);
            return scheduler.Status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy("Planificateur démarré.", data)
                : HealthCheckResult.Unhealthy("Planificateur arrêté.", data: data);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Planificateur indisponible.", e);
        }
    }
}

public static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>A small JSON body: overall status and each check's status and description, never exception details.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
