namespace CqpPortal.Web.Registrations;

public static class RegistrationServices
{
    /// <summary>The online registration form, step by step.</summary>
    public static IServiceCollection AddPortalRegistrations(this IServiceCollection services) => services
        .AddScoped<RegistrationWizard>();
}
