using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CqpPortal.Web.Prerequisites;

/// <summary>
/// POST /api/prerequisites/check: the article 3 rules as JSON, for the registration form's live feedback and the
/// public self-check. Anonymous, rate-limited per client address, nothing stored.
/// </summary>
public static class PrerequisiteApi
{
    public const string RateLimitPolicy = "prerequisite-check";

    public static IServiceCollection AddPrerequisiteApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CertificationRules>();
        var perMinute = configuration.GetValue("Portal:PrerequisiteChecksPerMinute", 60);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "application/problem+json; charset=utf-8";
                await context.HttpContext.Response.WriteAsJsonAsync(new
                {
                    type = "https://tools.ietf.org/html/rfc6585#section-4",
                    title = "Trop de demandes.",
                    status = 429,
                    detail = $"Au plus {perMinute} vérifications par minute : patientez une minute, puis réessayez.",
                }, cancellationToken);
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPrerequisiteApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/prerequisites/check", CheckAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicy);
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(HttpRequest request, CertificationRules certifications, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var (input, errors) = PrerequisiteRequest.Parse(await reader.ReadToEndAsync(cancellationToken));
        if (input is null)
            return Results.ValidationProblem(errors,
                title: "La demande contient des erreurs.",
                detail: "Champs à corriger : " + string.Join(", ", errors.Keys) + ".");
        var rules = await certifications.ForAsync(cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException("No certification is seeded.");
        var result = rules.Check(input);
        return Results.Ok(new { eligible = result.Eligible, rule = result.Rule, missing = result.Missing });
    }
}
