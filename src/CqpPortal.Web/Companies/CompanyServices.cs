using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CqpPortal.Web.Companies;

public static class CompanyServices
{
    /// <summary>Company managers' access requests, the invitations they send, and following consenting employees.</summary>
    public static IServiceCollection AddPortalCompanies(this IServiceCollection services) => services
        .AddScoped<CompanyAccess>()
        .AddScoped<CompanyInvitations>()
        .AddScoped<CompanyConsent>()
        .AddPortalEmployeeNotifications();

    /// <summary>What tells the managers of a consenting employee (convocations, decisions): the worker needs it too.</summary>
    public static IServiceCollection AddPortalEmployeeNotifications(this IServiceCollection services)
    {
        services.TryAddScoped<EmployeeFollowing>();
        services.TryAddScoped<EmployeeNotifications>();
        return services;
    }
}
