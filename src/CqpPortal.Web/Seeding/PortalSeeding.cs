using CqpPortal.Web.Hosting;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CqpPortal.Web.Seeding;

public static class PortalSeeding
{
    public static IHostApplicationBuilder AddPortalSeeding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReferentialImporter>();
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddScoped<DemoEvaluations>();
        builder.Services.AddScoped<DemoDocuments>();
        builder.Services.AddScoped<DemoPromises>();
        builder.Services.AddScoped<DemoBooklets>();
        builder.Services.AddScoped<DemoTraining>();
        builder.Services.TryAddSingleton<Content.ContentLibrary>(); // the demo's page proposals start from the page files
        return builder;
    }

    /// <summary>
    /// Every start: the roles and the seeded referentials (idempotent). Demo data when Portal:DemoData is true
    /// (set by `./portal run`), and never in Production.
    /// </summary>
    public static async Task SeedAsync(this IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, bool? demo = null)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var roles = provider.GetService<RoleManager<IdentityRole>>();
        if (roles is not null)
            foreach (var role in Roles.All.Where(r => !roles.RoleExistsAsync(r).GetAwaiter().GetResult()))
                await roles.CreateAsync(new IdentityRole(role));

        await provider.GetRequiredService<ReferentialImporter>().ImportSeededAsync();

        var wantsDemo = demo ?? PortalSettings.From(configuration).DemoData;
        if (wantsDemo && !environment.IsProduction())
            await provider.GetRequiredService<DemoDataSeeder>().SeedAsync();
    }
}
