using CqpPortal.Domain.Accounts;
using CqpPortal.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Identity.TwoFactor;

/// <summary>
/// When <c>Portal:RequireTwoFactorForStaffRoles</c> is on, a session of a staff role (<see cref="TwoFactorRequirement"/>)
/// not opened with a second factor reaches nothing but its own account pages (/Compte/…, where the second factor is set
/// up) and the error page: every other page, and every route that needs a sign-in, sends it to
/// /Compte/DoubleAuthentification (a script asking for JSON gets 403). Static files, health checks and public APIs stay
/// open. Decided from the session's claims (roles, and Identity's « amr: mfa » of a sign-in with a code): no database read.
/// </summary>
public sealed class TwoFactorRequiredFirst(RequestDelegate next, IOptions<PortalSettings> settings)
{
    public const string SetUpPage = "/Compte/DoubleAuthentification";

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (!settings.Value.RequireTwoFactorForStaffRoles
            || user.Identity?.IsAuthenticated != true
            || user.HasClaim(TwoFactorSetup.MfaClaim, TwoFactorSetup.MfaValue)
            || !TwoFactorRequirement.HasStaffRole(user.FindAll(user.Identities.First().RoleClaimType).Select(c => c.Value))
            || !Guarded(context))
            return next(context);

        if (context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        var back = HttpMethods.IsGet(context.Request.Method) ? context.Request.PathBase + context.Request.Path + context.Request.QueryString : "";
        context.Response.Redirect(SetUpPage + (back.Length > 0 ? QueryString.Create("ReturnUrl", back) : QueryString.Empty));
        return Task.CompletedTask;
    }

    /// <summary>A page other than the account's own, or any route needing a sign-in (areas, downloads, the jobs dashboard).</summary>
    private static bool Guarded(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            return !page.ViewEnginePath.StartsWith("/Compte/", StringComparison.OrdinalIgnoreCase)
                && !page.ViewEnginePath.StartsWith("/Erreur", StringComparison.OrdinalIgnoreCase);
        if (endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null) return true;
        return Areas.Of(path) is not null;
    }
}

public static class TwoFactorExtensions
{
    /// <summary>The second factor's services: its setup (/Compte/DoubleAuthentification) and the sign-in's second step.</summary>
    public static IServiceCollection AddPortalTwoFactor(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<TwoFactorSetup>();
        services.AddScoped<TwoFactorSignIn>();
        OneUseAuthenticatorTokenProvider.Use(services); // a code signs in once
        return services;
    }

    /// <summary>After authentication and authorisation: staff sessions without a second factor, when it is required, go set it up.</summary>
    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) => app.UseMiddleware<TwoFactorRequiredFirst>();
}
