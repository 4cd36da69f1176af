namespace CqpPortal.Web.Publishing;

public static class PublishingServices
{
    /// <summary>The « avis conforme »: SIST's analysts decide on the content and library proposals.</summary>
    public static IServiceCollection AddPortalPublishing(this IServiceCollection services) => services.AddScoped<Proposals>();
}
