namespace CqpPortal.Web.Registrations;

public static class RegistrationServices
{
    /// <summary>The online registration form, step by step, its proofs (and who may read them), and paper forms entered by staff.</summary>
    public static IServiceCollection AddPortalRegistrations(this IServiceCollection services)
    {
        services.AddOptions<ProofSettings>().BindConfiguration(ProofSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        return services
            .AddScoped<RegistrationWizard>()
            .AddScoped<RegistrationProofs>()
            .AddScoped<ProofAccess>()
            .AddScoped<PaperRegistrations>();
    }
}
