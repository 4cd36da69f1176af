namespace CqpPortal.Web.Imports;

public static class ImportServices
{
    /// <summary>Imports of historical records and the SIST transmission file.</summary>
    public static IServiceCollection AddPortalImports(this IServiceCollection services) => services
        .AddScoped<RecordImports>()
        .AddScoped<TransmissionFile>();
}
