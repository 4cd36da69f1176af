namespace CqpPortal.Web.Sessions;

public static class SessionServices
{
    /// <summary>Signing up for sessions, staff's session administration.</summary>
    public static IServiceCollection AddPortalSessions(this IServiceCollection services) => services
        .AddScoped<SessionEnrolments>()
        .AddScoped<SessionAdministration>();
}
