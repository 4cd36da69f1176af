using CqpPortal.Web.Documents;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Contacts;

public static class ContactServices
{
    /// <summary>The organisation's contact details (settings) and the public contact form behind /Contact.</summary>
    public static IServiceCollection AddPortalContacts(this IServiceCollection services)
    {
        services.AddPortalOrganisation();
        services.AddSingleton<ContactRateLimit>();
        services.AddScoped<ContactMessages>();
        return services;
    }

    /// <summary>The <c>Organisation</c> section, bound once and checked at start (also by the command line, whose jobs write PDFs).</summary>
    public static IServiceCollection AddPortalOrganisation(this IServiceCollection services)
    {
        services.AddOptions<OrganisationContact>().BindConfiguration(OrganisationContact.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrganisationContact>, OrganisationContactValidation>());
        return services;
    }

    /// <summary>
    /// Reads the checked <c>Organisation</c> settings (a Production node without them stops here, before the database is
    /// touched) and gives every PDF of the process their identity block and signatory.
    /// </summary>
    public static void UseOrganisationLetterhead(this IServiceProvider services)
    {
        var o = services.GetRequiredService<IOptions<OrganisationContact>>().Value;
        PdfDocumentWriter.Letterhead = new PdfLetterhead(
            o.Name, o.AddressLines, string.IsNullOrWhiteSpace(o.Siret) ? null : o.SiretDisplay, o.ActivityDeclaration,
            o.Phone, o.Email, o.Website, o.MadeIn, o.SignatoryName, o.SignatoryRole);
    }
}
