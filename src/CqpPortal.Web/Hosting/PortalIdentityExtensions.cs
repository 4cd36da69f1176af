using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace CqpPortal.Web.Hosting;

public static class PortalIdentityExtensions
{
    public static WebApplicationBuilder AddPortalIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<PortalUser, IdentityRole>(IdentityRules)
            .AddEntityFrameworkStores<CqpDbContext>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "cqp.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Compte/Connexion";
            options.LogoutPath = "/Compte/Deconnexion";
            options.AccessDeniedPath = "/Compte/AccesRefuse";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        builder.Services.AddScoped<AccountMailer>();
        builder.Services.AddAuthorization(options =>
        {
            foreach (var area in Areas.All)
                options.AddPolicy(area.Policy, policy => policy.RequireRole(area.Roles));
        });
        return builder;
    }

    /// <summary>
    /// Users and roles without the web's cookies and sign-in, for the command line (seeding the demo accounts, imports):
    /// the same rules as the site.
    /// </summary>
    public static IServiceCollection AddPortalUserStore(this IServiceCollection services)
    {
        services.AddIdentityCore<PortalUser>(IdentityRules)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CqpDbContext>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>();
        return services;
    }

    private static void IdentityRules(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedEmail = true;
        options.Password.RequiredLength = 10;
        // Lockout: 5 wrong passwords lock the account for 15 minutes.
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
    }
}
