using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CqpPortal.Web.Training;

public static class TrainingServices
{
    /// <summary>The training route: positionings, individual paths, training sessions, attendance, hours and their documents.</summary>
    public static IServiceCollection AddPortalTraining(this IServiceCollection services)
    {
        // The evaluation sign-up gate needs the hours in the worker and the CLI too, where AddPortalJourneys adds them.
        services.TryAddScoped<TrainingProgress>();
        return services
            .AddScoped<TrainingAccess>()
            .AddScoped<TrainingSessions>()
            .AddScoped<Positionings>()
            .AddScoped<TrainingPaths>()
            .AddScoped<TrainingRecord>()
            .AddScoped<TrainingAttendanceRegister>()
            .AddScoped<TrainingDocuments>()
            .AddScoped<EvaluationWaiver>();
    }
}
