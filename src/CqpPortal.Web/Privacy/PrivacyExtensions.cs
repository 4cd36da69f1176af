using Hangfire;

namespace CqpPortal.Web.Privacy;

public static class PrivacyExtensions
{
    /// <summary>
    /// The candidate's data download, erasure requests and the retention job. Registered by AddPortalJobs (the web
    /// nodes, `./portal worker` and the CLI all need the job's services); the periods are read once from Retention.
    /// </summary>
    public static IServiceCollection AddPortalPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RetentionSettings.Section).Get<RetentionSettings>() ?? new RetentionSettings();
        settings.Periods.EnsureValid();
        services.AddSingleton(settings);
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<Erasures>();
        services.AddScoped<ErasureRequests>();
        services.AddScoped<RetentionSweep>();
        return services;
    }

    public static void RegisterRecurringJobs(IRecurringJobManager recurring, RecurringJobOptions paris) =>
        recurring.AddOrUpdate<RetentionJob>(RetentionJob.Id, job => job.RunAsync(CancellationToken.None), RetentionJob.Cron, paris);
}
