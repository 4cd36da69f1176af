namespace CqpPortal.Web.Admissibility;

public static class AdmissibilityServices
{
    /// <summary>Staff decisions on admissibility and their letters.</summary>
    public static IServiceCollection AddPortalAdmissibility(this IServiceCollection services) => services
        .AddScoped<AdmissibilityDecisions>();
}
