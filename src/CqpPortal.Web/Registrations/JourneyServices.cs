using CqpPortal.Web.Companies;
using CqpPortal.Web.Sessions;
using CqpPortal.Web.Training;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CqpPortal.Web.Registrations;

public static class JourneyServices
{
    /// <summary>The journey's closing (abandon, deadline) and the deadline job's service; the web site and the worker both need them.</summary>
    public static IServiceCollection AddPortalJourneys(this IServiceCollection services)
    {
        services.AddPortalEmployeeNotifications();
        services.TryAddScoped<TrainingProgress>();
        services.TryAddScoped<SessionEnrolments>();
        services.TryAddScoped<JourneyClosures>();
        services.TryAddScoped<JourneyDeadlines>();
        return services;
    }
}
