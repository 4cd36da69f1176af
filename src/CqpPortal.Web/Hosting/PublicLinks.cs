using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Hosting;

public static class PublicLinks
{
    /// <summary>
    /// An absolute link to a page for an e-mail: from Portal:PublicUrl (required in Production), so that a link is
    /// never made from whatever host a request came in with; outside Production, the request's own address when unset.
    /// </summary>
    public static string PublicPage(this IUrlHelper url, string pageName, object? values = null)
    {
        var http = url.ActionContext.HttpContext;
        var settings = http.RequestServices.GetRequiredService<IOptions<PortalSettings>>().Value;
        return settings.PublicLink(url.Page(pageName, values)!) ?? url.Page(pageName, null, values, http.Request.Scheme)!;
    }
}
