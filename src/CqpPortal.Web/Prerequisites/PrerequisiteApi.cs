using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace CqpPortal.Web.Prerequisites;

/// <summary>
/// POST /api/prerequisites/check: the article 3 rules as JSON, for the registration form's live feedback and the
/// public self-check. Anonymous, rate-limited per client address, nothing stored.
/// </summary>
public static class PrerequisiteApi
{
    /// <summary>
    /// The largest body read: the request has seven short fields (about 200 bytes). Six concurrent bodies of 29 MB
    /// once added 658 MB to the site; beyond this a 413 problem is answered without reading further.
    /// </summary>
    public const int MaxBodyBytes = 4 * 1024;

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
        if (await ReadBoundedAsync(request, cancellationToken) is not { } body)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "La demande est trop volumineuse.",
                detail: $"Le contenu ne doit pas dépasser {MaxBodyBytes / 1024} Ko : envoyez seulement les champs du contrôle des prérequis.");
        var (input, errors) = PrerequisiteRequest.Parse(body);
        if (input is null)
            return Results.ValidationProblem(errors,
                title: "La demande contient des erreurs.",
                detail: "Champs à corriger : " + string.Join(", ", errors.Keys) + ".");
        var rules = await certifications.ForAsync(cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException("No certification is seeded.");
        var result = rules.Check(input);
        return Results.Ok(new { eligible = result.Eligible, rule = result.Rule, missing = result.Missing });
    }

    /// <summary>The body as text when it is at most <see cref="MaxBodyBytes"/>; null when it is larger (declared or sent).</summary>
    private static async Task<string?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        try
        {
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
                length += read;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return length > MaxBodyBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }
}
