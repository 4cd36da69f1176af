using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CqpPortal.Web.Hosting;

/// <summary>
/// Limits against scripted abuse: the public prerequisite check per client address, and form submissions (account
/// creation, password reset, registration) per signed-in user or, for visitors, per address, and the numbers checked on the
/// public certificate verification page per address. Reading other pages is never limited.
/// </summary>
public static class PortalRateLimits
{
    public const string PrerequisiteCheck = "prerequisite-check";
    public const string FormPosts = "form-posts";
    public const string CertificateCheck = "certificate-check";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = PortalSettings.From(configuration);
        var (checksPerMinute, postsPerMinute) = (settings.PrerequisiteChecksPerMinute, settings.FormPostsPerMinute);
        var certificateChecksPerMinute = settings.CertificateChecksPerMinute;
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PrerequisiteCheck, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(context), _ => PerMinute(checksPerMinute)));
            options.AddPolicy(FormPosts, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.User.Identity?.IsAuthenticated == true ? "user:" + context.User.Identity.Name : "ip:" + ClientAddress(context),
                    _ => PerMinute(postsPerMinute))
                : RateLimitPartition.GetNoLimiter("read"));
            // The public certificate check: each number asked for counts, per address, so nobody can try numbers in bulk.
            options.AddPolicy(CertificateCheck, context => context.Request.Query.ContainsKey("numero")
                ? RateLimitPartition.GetFixedWindowLimiter("certificate:" + ClientAddress(context), _ => PerMinute(certificateChecksPerMinute))
                : RateLimitPartition.GetNoLimiter("read"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                // Pages get the French error page (status code pages); the API gets a French problem+json.
                if (!context.HttpContext.Request.Path.StartsWithSegments("/api")) return;
                context.HttpContext.Response.ContentType = "application/problem+json; charset=utf-8";
                await context.HttpContext.Response.WriteAsJsonAsync(new
                {
                    type = "https://tools.ietf.org/html/rfc6585#section-4",
                    title = "Trop de demandes.",
                    status = 429,
                    detail = $"Au plus {checksPerMinute} vérifications par minute : patientez une minute, puis réessayez.",
                }, cancellationToken);
            };
        });
        return services;
    }

    /// <summary>The client's address as the forwarded-headers middleware left it (the proxy's client when the proxy is trusted).</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
