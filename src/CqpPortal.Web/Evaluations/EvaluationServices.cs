namespace CqpPortal.Web.Evaluations;

public static class EvaluationServices
{
    /// <summary>The evaluators' register, assignments, attendance, grids and the evaluation file.</summary>
    public static IServiceCollection AddPortalEvaluations(this IServiceCollection services) => services
        .AddScoped<EvaluationAccess>()
        .AddScoped<EvaluationGrids>()
        .AddScoped<EvaluationFile>()
        .AddScoped<EvaluatorRegister>()
        .AddScoped<EvaluatorAssignments>()
        .AddScoped<AttendanceRegister>();
}
