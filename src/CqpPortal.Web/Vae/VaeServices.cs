using Microsoft.AspNetCore.Http.Features;

namespace CqpPortal.Web.Vae;

public static class VaeServices
{
    /// <summary>The VAE booklets (drafts, reviews, the jury dossier), who may read their files, and the request size their uploads need.</summary>
    public static WebApplicationBuilder AddPortalVae(this WebApplicationBuilder builder)
    {
        builder.Services.AddPortalVaeBooklets();
        // Requests up to twice a file's limit are read, so that an oversize file gets the booklet's French message, not a bare 413.
        var vae = builder.Configuration.GetSection(VaeSettings.Section).Get<VaeSettings>() ?? new VaeSettings();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = vae.MaxRequestBytes;
            kestrel.AddServerHeader = false; // no « Server: Kestrel » banner (the one place Kestrel is configured)
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = vae.MaxRequestBytes);
        return builder;
    }

    /// <summary>The booklets' services without the web server's limits: the command line seeds the demo's booklets with them.</summary>
    public static IServiceCollection AddPortalVaeBooklets(this IServiceCollection services)
    {
        services.AddScoped<VaeDrafts>();
        services.AddScoped<VaeReviews>();
        services.AddScoped<VaeJuryDossier>();
        services.AddScoped<VaeFileAccess>();
        services.AddOptions<VaeSettings>().BindConfiguration(VaeSettings.Section);
        return services;
    }
}
