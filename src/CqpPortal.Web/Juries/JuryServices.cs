namespace CqpPortal.Web.Juries;

public static class JuryServices
{
    /// <summary>Convening candidates, recording decisions, jury members.</summary>
    public static IServiceCollection AddPortalJuries(this IServiceCollection services) => services
        .AddScoped<JuryProceedings>()
        .AddScoped<JuryMembers>();
}
