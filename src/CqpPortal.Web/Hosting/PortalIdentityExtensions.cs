using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        UsePasswordPolicy(builder.Services);
        builder.Services.AddSingleton<SignInAttempts>();
        builder.Services.AddScoped<AccountRequests>();
        builder.Services.AddUserSessions();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "cqp.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Compte/Connexion";
            options.LogoutPath = "/Compte/Deconnexion";
            options.AccessDeniedPath = "/Compte/AccesRefuse";
            // The cookie holds only a session key; the session itself (revoked at sign-out, on a password change, ended
            // after SessionLifetime: 30 min idle and 12 h at most for staff, jury, evaluators and analysts) is in
            // PostgreSQL: UserSessionStore, set in AddUserSessions. 8 hours sliding is the cookie's own outer limit.
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnRedirectToLogin = SignInAgain;
        });

        // A changed security stamp (account revoked by staff) signs the user out at the next check: at most 5 minutes. A
        // password change or reset does not wait for it: PasswordChanges ends the other sessions at once.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));

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
        UsePasswordPolicy(services);
        return services;
    }

    /// <summary>
    /// A request that needs a sign-in: a script asking for JSON (the booklets' autosave) gets 401 and keeps its text; a
    /// form posted after the session expired comes back, once signed in, to the page it was posted from (without the
    /// handler, which only a POST has), where the booklet script resends what the browser kept.
    /// </summary>
    private static Task SignInAgain(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        if (request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        var target = context.RedirectUri;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            var query = request.Query.Where(q => !q.Key.Equals("handler", StringComparison.OrdinalIgnoreCase))
                .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()));
            var back = request.PathBase + request.Path + QueryString.Create(query);
            target = context.Options.LoginPath + QueryString.Create(context.Options.ReturnUrlParameter, back);
        }
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    /// <summary>Identity's default validator (composition rules) replaced by the portal's one rule.</summary>
    private static void UsePasswordPolicy(IServiceCollection services)
    {
        services.RemoveAll<IPasswordValidator<PortalUser>>();
        services.AddScoped<IPasswordValidator<PortalUser>, PortalPasswordValidator>();
    }

    private static void IdentityRules(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedEmail = true;
        // PasswordPolicy decides (length, common passwords); Identity's own composition rules are off (NIST SP 800-63B).
        options.Password.RequiredLength = Domain.Accounts.PasswordPolicy.MinimumLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        // No lockout on failed sign-ins (it let anyone lock any account): SignInAttempts slows the address instead.
        // Identity's lockout stays available to staff tools and is lifted by a password reset.
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
    }
}
