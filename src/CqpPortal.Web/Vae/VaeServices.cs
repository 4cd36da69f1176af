using Microsoft.AspNetCore.Http.Features;

namespace CqpPortal.Web.Vae;

public static class VaeServices
{
    /// <summary>The VAE booklets (drafts, reviews, the jury dossier), who may read their files, and the request size their uploads need.</summary>
    public static WebApplicationBuilder AddPortalVae(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<VaeDrafts>();
        builder.Services.AddScoped<VaeReviews>();
        builder.Services.AddScoped<VaeJuryDossier>();
        builder.Services.AddScoped<VaeFileAccess>();
        builder.Services.AddOptions<VaeSettings>().BindConfiguration(VaeSettings.Section);
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
}
