using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Hosting;

public static class PublicLinks
{
    /// <summary>
    /// An absolute link to a page for an e-mail: from Portal:PublicUrl (<see cref="PortalSettings.Root"/>), so that a
    /// link is never made from whatever Host a request came in with.
    /// </summary>
    public static string PublicPage(this IUrlHelper url, string pageName, object? values = null)
    {
        var settings = url.ActionContext.HttpContext.RequestServices.GetRequiredService<IOptions<PortalSettings>>().Value;
        return settings.PublicLink(url.Page(pageName, values)!);
    }
}
