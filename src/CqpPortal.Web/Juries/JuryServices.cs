namespace CqpPortal.Web.Juries;

public static class JuryServices
{
    /// <summary>Convening candidates, jury members, the president's deliberation, the minutes' signatures.</summary>
    public static IServiceCollection AddPortalJuries(this IServiceCollection services) => services
        .AddScoped<JuryProceedings>()
        .AddScoped<JuryMembers>()
        .AddScoped<JuryDeliberations>()
        .AddScoped<JuryMinutes>();
}
