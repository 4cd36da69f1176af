
namespace CqpPortal.Web.Prerequisites;

/// <summary>
/// POST /api/prerequisites/check: the article 3 rules as JSON, for the registration form's live feedback and the
/// public self-check. Anonymous, rate-limited per client address, nothing stored.
/// </summary>
public static class PrerequisiteApi
{
    public static IServiceCollection AddPrerequisiteApi(this IServiceCollection services)
    {
        services.AddScoped<CertificationRules>();
        return services;
    }

    public static IEndpointRouteBuilder MapPrerequisiteApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/prerequisites/check", CheckAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(Hosting.PortalRateLimits.PrerequisiteCheck);
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
