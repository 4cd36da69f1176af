using Hangfire;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CqpPortal.Web.Identity;

public static class UserSessionsExtensions
{
    /// <summary>
    /// Server-side sessions for the sign-in cookie (<see cref="UserSessionStore"/>), the password change, and the
    /// clocks of the cookie and of the security stamp check taken from the container's <see cref="TimeProvider"/>
    /// (tests move a fake one).
    /// </summary>
    public static IServiceCollection AddUserSessions(this IServiceCollection services)
    {
        services.AddSingleton<UserSessionStore>();
        services.TryAddScoped<UserSessions>();
        services.AddScoped<PasswordChanges>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<UserSessionStore, TimeProvider>((options, store, clock) =>
            {
                options.SessionStore = store;
                options.TimeProvider = clock;
            });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) => options.TimeProvider ??= clock);
        return services;
    }

    /// <summary>The nightly purge of revoked and ended sessions (its DI needs only the database and the clock, so `./portal worker` runs it too).</summary>
    public static IServiceCollection AddUserSessionPurge(this IServiceCollection services)
    {
        services.TryAddScoped<UserSessions>();
        return services;
    }

    public static void RegisterRecurringJobs(IRecurringJobManager recurring, RecurringJobOptions paris) =>
        recurring.AddOrUpdate<UserSessionPurgeJob>(UserSessionPurgeJob.Id, job => job.RunAsync(CancellationToken.None), UserSessionPurgeJob.Cron, paris);
}
