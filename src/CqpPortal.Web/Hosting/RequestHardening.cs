using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.StaticAssets;

namespace CqpPortal.Web.Hosting;

/// <summary>Two middlewares that hold for every page, so that no page can forget them.</summary>
public static class RequestHardening
{
    /// <summary>Folders of private pages (each audience's area) and of the jobs dashboard.</summary>
    private static readonly string[] PrivateFolders = [.. Areas.All.Select(a => a.Folder).Distinct(), "/hangfire"];

    /// <summary>
    /// Every answer to a signed-in user, or under a private area, is never kept by the browser nor a proxy
    /// (Cache-Control: no-store): pages, documents, certificates, reports alike. Static assets (CSS, scripts, images)
    /// keep their own caching; the anonymous public pages keep the output cache and their headers.
    /// </summary>
    public static Task PrivateResponsesNotStored(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null
                && (context.User.Identity?.IsAuthenticated == true || IsPrivate(context.Request.Path)))
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                context.Response.Headers.Remove("Expires");
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    public static bool IsPrivate(PathString path) =>
        PrivateFolders.Any(folder => path.StartsWithSegments(folder, StringComparison.OrdinalIgnoreCase));

    /// <summary>Larger multipart posts (uploads) are left to their pages, so that their size limits and messages hold.</summary>
    private const long MultipartCheckedUpTo = 1024 * 1024;

    /// <summary>
    /// A NUL character (%00) in the query string or in a posted form's fields is refused with the French 400 page
    /// before any page sees it: PostgreSQL refuses it in text, which made a 500 of it, and no one types it.
    /// </summary>
    public static async Task NulBytesRefused(HttpContext context, RequestDelegate next)
    {
        // The error page's own re-execution carries the same request: it must be shown.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await HasNulAsync(context.Request))
        {
            // The French error page is then shown for a GET: its re-execution must not read the refused form again.
            context.Request.Method = HttpMethods.Get;
            context.Request.ContentType = null;
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await next(context);
    }

    private static async Task<bool> HasNulAsync(HttpRequest request)
    {
        if (request.QueryString.HasValue && request.Query.Any(q => HasNul(q.Key) || q.Value.Any(HasNul))) return true;
        if (!request.HasFormContentType) return false;
        var urlEncoded = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        if (!urlEncoded && request.ContentLength is not (>= 0 and <= MultipartCheckedUpTo)) return false;
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form.Any(f => HasNul(f.Key) || f.Value.Any(HasNul));
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            return true; // the form reader itself refuses NUL characters ("The form value contains invalid characters")
        }
    }

    private static bool HasNul(string? value) => value?.Contains('\0') == true;
}
