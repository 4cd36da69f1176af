using CqpPortal.Web.Reports.AnnualPack;
using CqpPortal.Web.Statistics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CqpPortal.Web.Reports;

public static class PortalReportsExtensions
{
    /// <summary>The statistics and the annual pack: for the web site, the command line and the background jobs alike.</summary>
    public static IServiceCollection AddPortalReports(this IServiceCollection services)
    {
        services.TryAddScoped<StatisticsLoader>();
        services.TryAddScoped<AnnualPackWriter>();
        return services;
    }
}
