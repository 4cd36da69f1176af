namespace CqpPortal.Web.Companies;

public static class CompanyServices
{
    /// <summary>Company managers' access requests, the invitations they send, and following consenting employees.</summary>
    public static IServiceCollection AddPortalCompanies(this IServiceCollection services) => services
        .AddScoped<CompanyAccess>()
        .AddScoped<CompanyInvitations>()
        .AddScoped<CompanyConsent>()
        .AddScoped<EmployeeFollowing>()
        .AddScoped<EmployeeNotifications>();
}
