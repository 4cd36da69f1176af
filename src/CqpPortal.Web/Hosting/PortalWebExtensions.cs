using CqpPortal.Web.Evaluations;
using System.Globalization;
using CqpPortal.Web.Admissibility;
using CqpPortal.Web.Audit;
using CqpPortal.Web.Certificates;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Contacts;
using CqpPortal.Web.Content;
using CqpPortal.Web.Downloads;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Identity.TwoFactor;
using CqpPortal.Web.Imports;
using CqpPortal.Web.Juries;
using CqpPortal.Web.Jobs;
using CqpPortal.Web.Prerequisites;
using CqpPortal.Web.Publishing;
using CqpPortal.Web.Registrations;
using CqpPortal.Web.Reports;
using CqpPortal.Web.Sessions;
using CqpPortal.Web.Training;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Npgsql;

namespace CqpPortal.Web.Hosting;

public static class PortalWebExtensions
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static WebApplicationBuilder AddPortalWeb(this WebApplicationBuilder builder)
    {
        CultureInfo.DefaultThreadCurrentCulture = French;
        CultureInfo.DefaultThreadCurrentUICulture = French;

        if (!builder.Environment.IsDevelopment())
            builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);

        builder.Services
            .AddRazorPages(options =>
            {
                // Each page gets the policy of the most specific area folder holding it (so /Analyse/Rapports opens to staff).
                options.Conventions.AddFolderApplicationModelConvention("/", model =>
                {
                    if (Areas.Of(model.ViewEnginePath) is { } area)
                        model.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(area.Policy));
                });
                // A trainee's documents (convocations, statements, certificate): any signed-in reader, then TrainingAccess decides.
                options.Conventions.AuthorizeFolder("/Formation");
                PublicPageCache.Apply(options.Conventions);
            })
            .AddMvcOptions(options => FrenchModelBindingMessages.Apply(options.ModelBindingMessageProvider));
        builder.Services.AddPortalContent();
        builder.Services.AddPortalContacts();
        builder.Services.AddPortalPublishing();
        Partners.PartnerLinks.Register(builder.Services);
        builder.Services.AddPrerequisiteApi();
        builder.Services.AddPortalRateLimits(builder.Configuration);
        builder.Services.AddPublicPageCache();
        builder.Services.AddPortalRegistrations();
        builder.Services.AddPortalAdmissibility();
        builder.Services.AddPortalSessions();
        builder.Services.AddPortalCompanies();
        builder.Services.AddPortalJuries();
        builder.Services.AddPortalEvaluations();
        builder.Services.AddPortalTraining();
        builder.Services.AddPortalCertificates();
        builder.Services.AddPortalReports();
        builder.Services.AddPortalImports();
        builder.Services.AddPortalDownloads();
        builder.Services.AddPortalTwoFactor();
        builder.Services.AddPortalFormSafety(); // a page whose save failed on the database comes back with the typed text
        builder.Services.AddPortalAudit();
        builder.AddPortalVae();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready])
            .AddCheck<JobsHealthCheck>("jobs")
            .AddCheck<JobStorageHealthCheck>("jobStorage", tags: [HealthTags.Ready]);
        return builder;
    }

    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        app.UseForwardedHeaders(); // first: scheme, host and client address as the trusted proxy saw them (PortalNodesExtensions)
        if (app.Environment.IsProduction()) app.UseHsts(); // https only in Production (Portal:PublicUrl is checked)
        // The French error page in every environment: users never see a stack trace.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Erreur", AllowStatusCode404Response = true });
        app.Use(ForgetBrokenDatabaseConnections);
        app.UseStatusCodePagesWithReExecute("/Erreur/{0}");
        app.Use(SecurityHeaders);
        app.Use(RequestHardening.NulBytesRefused); // after the status code pages: its 400 gets the French page
        app.Use(RequestHardening.PrivateResponsesNotStored);
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(French),
            SupportedCultures = [French],
            SupportedUICultures = [French],
        });
        app.UseRouting();
        app.UsePortalFormSafety(); // a body over the page's limit: the French 413 page, not a 400 or 404
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorRequirement(); // when required, staff sessions without a second factor only reach its setup
        app.UseRateLimiter();
        app.UseOutputCache(); // after authentication: signed-in users are never served nor stored
        app.MapStaticAssets();
        app.MapPrerequisiteApi();
        app.MapSiteMap();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Name != "jobStorage", ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready), ResponseWriter = HealthResponse.WriteAsync });
        app.MapPortalJobsDashboard();
        return app;
    }

    /// <summary>
    /// After the database restarts, pooled connections are dead; dropping the pools on the first failure lets the
    /// next request connect afresh, so the site recovers by itself.
    /// </summary>
    private static async Task ForgetBrokenDatabaseConnections(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (Data.DatabaseFailures.IsConnectionFailure(e))
        {
            NpgsqlConnection.ClearAllPools();
            throw;
        }
    }

    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
        // No page uses these browser features: none may be asked for, by the site or anything embedded in it.
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=()";
        return next(context);
    }
}
