namespace CqpPortal.Web.Training;

public static class TrainingServices
{
    /// <summary>The training route: positionings, individual paths, training sessions, attendance, hours and their documents.</summary>
    public static IServiceCollection AddPortalTraining(this IServiceCollection services) => services
        .AddScoped<TrainingAccess>()
        .AddScoped<TrainingSessions>()
        .AddScoped<Positionings>()
        .AddScoped<TrainingPaths>();
}
