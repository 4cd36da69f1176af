using CqpPortal.Web.Formatting;
using CqpPortal.Web.Reports.AnnualPack;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace CqpPortal.Web.Reports;

public static class PortalReportsExtensions
{
    /// <summary>The statistics, the annual pack and the report runs: for the web nodes (which queue runs), the workers (which run them) and the command line.</summary>
    public static IServiceCollection AddPortalReports(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(configuration?.GetSection(ReportsSettings.Section).Get<ReportsSettings>() ?? new ReportsSettings());
        services.TryAddScoped<Statistics.StatisticsLoader>();
        services.TryAddScoped<AnnualPackWriter>();
        services.AddScoped<ReportRuns>();
        services.AddScoped<ReportRunList>();
        services.AddScoped<ReportRunner>();
        services.AddScoped<ReportSchedules>();
        services.AddScoped<IReportProducer, AnnualPackProducer>();
        services.AddScoped<IReportProducer, HolderOutcomesProducer>();
        return services;
    }

    /// <summary>The report jobs: the runner (durable, recovered after a crash) and the two schedules.</summary>
    public static void AddReportJobs(this IQuartzBuilder quartz)
    {
        quartz.AddJob<ReportRunJob>(job => job.WithIdentity(ReportRunJob.Key).StoreDurably().RequestRecovery());
        quartz.AddJob<AnnualPackScheduleJob>(job => job.WithIdentity(AnnualPackScheduleJob.Key).StoreDurably().RequestRecovery());
        quartz.AddTrigger(trigger => trigger.ForJob(AnnualPackScheduleJob.Key).WithIdentity("annual-pack-15-january", "reports")
            .WithCronSchedule("0 0 6 15 1 ?", cron => cron.InTimeZone(FrenchFormat.Paris)));
        quartz.AddJob<HolderOutcomeScheduleJob>(job => job.WithIdentity(HolderOutcomeScheduleJob.Key).StoreDurably().RequestRecovery());
        quartz.AddTrigger(trigger => trigger.ForJob(HolderOutcomeScheduleJob.Key).WithIdentity("holder-outcomes-daily", "reports")
            .WithCronSchedule("0 30 6 * * ?", cron => cron.InTimeZone(FrenchFormat.Paris)));
    }
}
