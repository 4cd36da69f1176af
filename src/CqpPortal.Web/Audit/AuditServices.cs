using Microsoft.AspNetCore.Mvc;

namespace CqpPortal.Web.Audit;

public static class AuditServices
{
    /// <summary>The journal of reads and changes of people's files: the page filter that writes it, the read-rate watch.</summary>
    public static IServiceCollection AddPortalAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditSettings>().BindConfiguration(AuditSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditFilter>();
        services.AddSingleton<ReadRateWatch>();
        services.Configure<MvcOptions>(options => options.Filters.AddService<AuditFilter>());
        return services;
    }
}
