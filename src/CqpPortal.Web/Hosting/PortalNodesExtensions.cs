using CqpPortal.Web.Data;
using CqpPortal.Web.Seeding;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Hosting;

/// <summary>
/// What lets several web nodes (and workers) share one PostgreSQL behind a TLS proxy: checked settings, one Data
/// Protection key ring in the database, forwarded headers from trusted proxies only, Secure cookies, output-cache
/// eviction on every node (<see cref="PublicPageCacheListener"/>), and migrations that can be left to a separate step.
/// </summary>
public static class PortalNodesExtensions
{
    /// <summary>Fixed, so that every node (and the worker) reads the others' cookies and tokens whatever its folder.</summary>
    public const string DataProtectionApplicationName = "CqpPortal";

    /// <summary>The `Portal` section, bound once and checked at start (web and command line).</summary>
    public static IServiceCollection AddPortalSettings(this IServiceCollection services)
    {
        services.AddOptions<PortalSettings>().BindConfiguration(PortalSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalSettings>, PortalSettingsValidation>();
        return services;
    }

    /// <summary>
    /// The key ring in PostgreSQL: a cookie, an anti-forgery token or an e-mailed link (Identity tokens) made by one
    /// node or before a restart is read by any other (web and command line alike).
    /// </summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<CqpDbContext>();
        return services;
    }

    /// <summary>The web site's side: forwarded headers, cookie policy, cache eviction across nodes, schema readiness.</summary>
    public static WebApplicationBuilder AddPortalNodes(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<PortalSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in settings.Value.TrustedNetworks()) options.KnownIPNetworks.Add(network);
            // Walk back through every trusted proxy (a load balancer before nginx…), stopping at the first address not trusted.
            options.ForwardLimit = null;
        });

        // Production is https only (PublicUrl is checked): Secure cookies even if a proxy forgets X-Forwarded-Proto or a
        // node is reached in clear. Elsewhere (development, tests over http) Secure follows the (forwarded) scheme.
        var secure = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.ConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = secure);
        builder.Services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = secure);
        if (builder.Environment.IsProduction())
        {
            // « __Host- » cookies: the browser keeps them only if Secure, for the whole site, and set by this very host
            // (no Domain), so neither a sibling subdomain nor a clear-text page can plant or read them.
            builder.Services.PostConfigureAll<CookieAuthenticationOptions>(options =>
            {
                if (options.Cookie.Name is { } name && !name.StartsWith(HostCookiePrefix, StringComparison.Ordinal)) options.Cookie.Name = HostCookiePrefix + name;
                options.Cookie.Path = "/";
                options.Cookie.Domain = null;
            });
            builder.Services.PostConfigure<AntiforgeryOptions>(options => (options.Cookie.Name, options.Cookie.Path, options.Cookie.Domain) = (HostCookiePrefix + "cqp.antiforgery", "/", null));
            builder.Services.PostConfigure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
                (options.Cookie.Name, options.Cookie.Path, options.Cookie.Domain, options.Cookie.SecurePolicy) = (HostCookiePrefix + "cqp.tempdata", "/", null, CookieSecurePolicy.Always));
            // HSTS (one year, subdomains too): browsers go straight to https. UseHsts sends it on https requests only.
            builder.Services.AddHsts(options => (options.MaxAge, options.IncludeSubDomains) = (TimeSpan.FromDays(365), true));
        }

        // Production answers only to its own names: with AllowedHosts left at "*", those are Portal:PublicUrl's host and the
        // loopback (a probe inside the container). A request with a forged Host gets a 400 before any page runs.
        if (builder.Environment.IsProduction())
            builder.Services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = AllowedHosts(options.AllowedHosts, PortalSettings.From(builder.Configuration)));

        builder.Services.AddHostedService<PublicPageCacheListener>();
        builder.Services.AddSingleton<SchemaHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<SchemaHealthCheck>("schema", tags: [HealthTags.Ready]);
        return builder;
    }

    public const string HostCookiePrefix = "__Host-";

    /// <summary>The hosts a Production node answers to: those configured, or (for "*" or none) the public address's host and the loopback.</summary>
    public static IList<string> AllowedHosts(IList<string>? configured, PortalSettings settings)
    {
        if (configured is { Count: > 0 } && !configured.Contains("*")) return configured;
        return [new Uri(settings.Root).Host, "localhost", "127.0.0.1", "[::1]"];
    }

    /// <summary>
    /// Before the node serves: the settings are checked first (a bad Production setting stops it before the database
    /// is touched); then, with Portal:MigrateOnStart (the default), migrations, the first Data Protection key and the
    /// seeding; without it, nothing is written and a schema behind this version is reported (log and readiness).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool seed = true, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<IOptions<PortalSettings>>().Value;
        if (settings.MigrateOnStart)
        {
            await services.MigrateDatabaseAsync(cancellationToken);
            services.EnsureDataProtectionKey();
            if (seed) await services.SeedAsync(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
            return;
        }
        var pending = await SchemaHealthCheck.PendingMigrationsAsync(services, cancellationToken);
        if (pending.Count > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalNodesExtensions).FullName!)
                .LogError("{Message}", SchemaHealthCheck.Behind(pending));
    }

    /// <summary>
    /// Makes the key ring's first key now, if there is none, so that nodes starting together find one key instead of
    /// each making its own (`migrate` and nodes that migrate on start call it).
    /// </summary>
    public static void EnsureDataProtectionKey(this IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("CqpPortal.KeyRing").Protect([1]);
}

/// <summary>Ready only when this version's migrations are all applied (a node with Portal:MigrateOnStart=false waits for `migrate`).</summary>
public sealed class SchemaHealthCheck(IServiceProvider services) : IHealthCheck
{
    private volatile bool upToDate; // once applied, migrations stay applied: no query after that

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (upToDate) return HealthCheckResult.Healthy("Schéma de la base à jour.");
        try
        {
            var pending = await PendingMigrationsAsync(services, cancellationToken);
            // The public answer names no migration (a version); the start-up log has the list (PrepareDatabaseAsync).
            if (pending.Count > 0) return HealthCheckResult.Unhealthy(BehindWithoutVersions);
            upToDate = true;
            return HealthCheckResult.Healthy("Schéma de la base à jour.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Schéma de la base illisible.", e);
        }
    }

    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return [.. await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Database.GetPendingMigrationsAsync(cancellationToken)];
    }

    public const string BehindWithoutVersions =
        "Schéma de la base en retard sur cette version : lancez `migrate` (./portal migrate) avec un rôle autorisé à modifier le schéma.";

    public static string Behind(IReadOnlyList<string> pending) =>
        $"Schéma de la base en retard sur cette version : {pending.Count} migration(s) à appliquer (dernière : {pending[^1]}). "
        + "Lancez `dotnet CqpPortal.Web.dll migrate` (./portal migrate) avec un rôle autorisé à modifier le schéma ; ce nœud (Portal__MigrateOnStart=false) ne le fait pas.";
}
