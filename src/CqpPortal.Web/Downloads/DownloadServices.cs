namespace CqpPortal.Web.Downloads;

public static class DownloadServices
{
    /// <summary>The generated PDFs (registration form, guides) and staff's document library.</summary>
    public static IServiceCollection AddPortalDownloads(this IServiceCollection services) => services
        .AddSingleton<GeneratedDocuments>()
        .AddScoped<DocumentLibrary>()
        .AddScoped<LibraryDocumentAccess>();
}
