namespace CqpPortal.Web.Companies;

public static class CompanyServices
{
    /// <summary>Company managers' access requests and the invitations they send.</summary>
    public static IServiceCollection AddPortalCompanies(this IServiceCollection services) => services
        .AddScoped<CompanyAccess>()
        .AddScoped<CompanyInvitations>();
}
