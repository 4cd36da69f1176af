using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CqpPortal.Web.Certificates;

public static class CertificateServices
{
    /// <summary>Issuing certificates and attestations after a jury, SIST's paper certificates and register, the public check, the certification's name.</summary>
    public static IServiceCollection AddPortalCertificates(this IServiceCollection services)
    {
        services.TryAddSingleton<CertificationNames>();
        return services
        .AddScoped<CertificateIssuance>()
        .AddScoped<PaperCertificates>()
        .AddScoped<HoldersRegister>()
        .AddScoped<CertificateVerification>();
    }
}
