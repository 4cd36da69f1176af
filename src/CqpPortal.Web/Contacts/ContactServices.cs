namespace CqpPortal.Web.Contacts;

public static class ContactServices
{
    /// <summary>The organisation's contact details (settings) and the public contact form behind /Contact.</summary>
    public static IServiceCollection AddPortalContacts(this IServiceCollection services)
    {
        services.AddOptions<OrganisationContact>().BindConfiguration(OrganisationContact.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContactRateLimit>();
        services.AddScoped<ContactMessages>();
        return services;
    }
}
