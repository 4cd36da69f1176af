using CqpPortal.Web.Reports.AnnualPack;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CqpPortal.Web.Reports;

public static class PortalReportsExtensions
{
    /// <summary>The statistics, the annual pack and the report runs: for the web nodes (which queue runs), the workers (which run them) and the command line.</summary>
    public static IServiceCollection AddPortalReports(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(configuration?.GetSection(ReportsSettings.Section).Get<ReportsSettings>() ?? new ReportsSettings());
        services.TryAddScoped<Statistics.StatisticsLoader>();
        services.TryAddScoped<Statistics.StatisticsCertifications>();
        services.TryAddSingleton<Certificates.CertificationNames>(); // the pack's titles name the certification
        services.TryAddScoped<AnnualPackWriter>();
        services.TryAddScoped<ThreeYears.ThreeYearWorkbook>();
        // Called by the web site and by the jobs' set-up: the producers are registered once (the runs page offers each kind once).
        if (services.Any(d => d.ServiceType == typeof(ReportRuns))) return services;
        services.AddScoped<ReportRuns>();
        services.AddScoped<ReportRunList>();
        services.AddScoped<ReportRunner>();
        services.AddScoped<ReportSchedules>();
        services.AddScoped<IReportProducer, AnnualPackProducer>();
        // One producer per wave: a run records its kind, not a wave.
        foreach (var wave in Domain.Surveys.HolderSurveySchedule.Waves)
            services.AddScoped<IReportProducer>(sp => new HolderOutcomesProducer(sp.GetRequiredService<Data.CqpDbContext>(), sp.GetRequiredService<TimeProvider>(), wave));
        services.AddScoped<ReportRequests>();
        return services;
    }
}
