using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CqpPortal.Web.Content;

public static class ContentServices
{
    /// <summary>The Markdown pages: the files of content/ and staff's revisions over them.</summary>
    public static IServiceCollection AddPortalContent(this IServiceCollection services)
    {
        services.TryAddSingleton<ContentLibrary>();
        return services.AddScoped<ContentPages>();
    }
}
