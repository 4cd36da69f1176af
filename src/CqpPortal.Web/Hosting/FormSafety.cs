using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CqpPortal.Web.Hosting;

/// <summary>
/// What a form posted at a bad moment gets (issue 16). A body over the request limit gets the French 413 page with the
/// limit (« Le fichier dépasse la taille maximale de N Mo ») and a link back, never a 400 or 404; a form posted while the
/// database is unreachable comes back with what was typed, status 503 and « rien n'a été enregistré » — the same page
/// when its handler failed, the error page listing the typed text when the failure came earlier (the session lookup).
/// </summary>
public static class FormSafety
{
    public const string NotSavedMessage = "Le service est momentanément indisponible : rien n'a été enregistré. Votre saisie est conservée ci-dessous ; réessayez dans un instant.";
    /// <summary>HttpContext.Items key: the message the layout shows above the page.</summary>
    public const string NotSavedKey = "cqp.form-not-saved";
    /// <summary>HttpContext.Items key: the request limit (bytes) a refused body went over.</summary>
    public const string TooLargeKey = "cqp.body-too-large";

    public static IServiceCollection AddPortalFormSafety(this IServiceCollection services) =>
        services.Configure<MvcOptions>(options => options.Filters.Add(new DatabaseOutageFilter()));

    /// <summary>After routing (the page's own limit is in its endpoint metadata), before authentication reads anything.</summary>
    public static IApplicationBuilder UsePortalFormSafety(this IApplicationBuilder app) => app.Use(BodiesWithinTheLimit);

    /// <summary>« 12 Mo » for a limit in bytes (rounded down, at least 1).</summary>
    public static long Megabytes(long bytes) => Math.Max(1, bytes / (1024 * 1024));

    /// <summary>
    /// A declared length over the limit is refused before anything reads the body; a streamed body is counted as it is
    /// read and refused when it passes the limit. Either way the answer is 413 (antiforgery and model binding would turn
    /// the read failure into a 400, and the error page's re-execution into a 404), and the status code pages give the
    /// French page.
    /// </summary>
    private static async Task BodiesWithinTheLimit(HttpContext context, RequestDelegate next)
    {
        try
        {
            await WithinTheLimit(context, next);
        }
        catch (Exception e) when (Data.DatabaseFailures.IsConnectionFailure(e) && !HttpMethods.IsGet(context.Request.Method) && context.Request.HasFormContentType && !context.Response.HasStarted)
        {
            // Earlier than the page (the session lookup) or while showing the page again: the exception handler would
            // run the same lookup again and fail, so the typed text is answered from here, without the database.
            NpgsqlConnection.ClearAllPools();
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FormSafety))
                .LogWarning(e, "Database unreachable: the text posted to {Path} is shown back, nothing saved", context.Request.Path);
            await NotSavedPage.WriteAsync(context);
        }
    }

    private static async Task WithinTheLimit(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || !request.HasFormContentType || Limit(context) is not { } limit)
        {
            await next(context);
            return;
        }
        if (request.ContentLength > limit)
        {
            TooLarge(context, limit);
            return;
        }
        var body = new CountedBody(request.Body, limit);
        request.Body = body;
        try
        {
            await next(context);
        }
        catch (Exception) when (body.Exceeded && !context.Response.HasStarted)
        {
        }
        finally
        {
            request.Body = body.Inner;
        }
        if (body.Exceeded && !context.Response.HasStarted)
        {
            context.Response.Clear();
            TooLarge(context, limit);
        }
    }

    private static void TooLarge(HttpContext context, long limit)
    {
        context.Items[TooLargeKey] = limit;
        // The French page is then shown for a GET: its re-execution must not read the refused body.
        context.Request.Method = HttpMethods.Get;
        context.Request.ContentType = null;
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.Headers.Connection = "close"; // the rest of the body is not read
    }

    /// <summary>The page's own limit ([RequestSizeLimit]), else the server's.</summary>
    private static long? Limit(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>() is { } own) return own.MaxRequestBodySize;
        if (metadata?.GetMetadata<DisableRequestSizeLimitAttribute>() is not null) return null;
        return context.RequestServices.GetService<IOptions<KestrelServerOptions>>()?.Value.Limits.MaxRequestBodySize;
    }

    /// <summary>The request body, refused once more than the limit has been read.</summary>
    private sealed class CountedBody(Stream inner, long limit) : Stream
    {
        private long read;
        public Stream Inner => inner;
        public bool Exceeded { get; private set; }

        private int Count(int bytes)
        {
            read += bytes;
            if (read > limit)
            {
                Exceeded = true;
                throw new Microsoft.AspNetCore.Http.BadHttpRequestException($"Request body over {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }
            return bytes;
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => Count(await inner.ReadAsync(buffer, cancellationToken));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>
    /// A page handler (POST, PUT…) that failed because the database could not be reached: the same page is shown again,
    /// its inputs filled from what was posted, with the message above it and status 503, instead of the error page that
    /// lost the text. Pages need nothing of their own for it.
    /// </summary>
    private sealed class DatabaseOutageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var executed = await next();
            var http = context.HttpContext;
            if (executed.Exception is not { } exception || executed.ExceptionHandled || HttpMethods.IsGet(http.Request.Method) || !Data.DatabaseFailures.IsConnectionFailure(exception)) return;
            NpgsqlConnection.ClearAllPools(); // dead pooled connections: the next request connects afresh
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FormSafety))
                .LogWarning(exception, "Database unreachable: {Path} shown again with the posted text, nothing saved", http.Request.Path);
            http.Items[NotSavedKey] = NotSavedMessage;
            http.Response.Headers.RetryAfter = "30";
            executed.ExceptionHandled = true;
            executed.Result = new PageResult { StatusCode = StatusCodes.Status503ServiceUnavailable };
        }
    }
}

/// <summary>
/// The answer to a form posted while the database is down, when the page itself cannot be shown: a plain French page
/// (no layout: it reads the database) with the typed text in boxes to copy, passwords and tokens left out.
/// </summary>
internal static class NotSavedPage
{
    public static async Task WriteAsync(HttpContext context)
    {
        var html = System.Text.Encodings.Web.HtmlEncoder.Default;
        var typed = await TypedAsync(context.Request);
        var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        var page = new System.Text.StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Service momentanément indisponible</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main id=\"contenu\" class=\"container\">")
            .Append("<h1>Le service est momentanément indisponible</h1>")
            .Append("<p class=\"notice error form-not-saved\" role=\"alert\">").Append(html.Encode(FormSafety.NotSavedMessage)).Append("</p>");
        var index = 0;
        foreach (var (field, value) in typed)
        {
            index++;
            page.Append("<p><label for=\"typed-").Append(index).Append("\">").Append(html.Encode(field)).Append("</label><br>")
                .Append("<textarea id=\"typed-").Append(index).Append("\" class=\"typed-text\" readonly rows=\"").Append(Math.Min(12, 2 + value.Count(c => c == '\n'))).Append("\" cols=\"80\">")
                .Append(html.Encode(value)).Append("</textarea></p>");
        }
        page.Append("<p><a href=\"").Append(html.Encode(back)).Append("\" class=\"back-to-form\">Revenir au formulaire</a> · <a href=\"/\">Revenir à l'accueil</a></p></main></body></html>");
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "30";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(page.ToString());
    }

    private static async Task<List<(string Field, string Value)>> TypedAsync(HttpRequest request)
    {
        try
        {
            var form = await request.ReadFormAsync();
            return form
                .Where(f => f.Key != "__RequestVerificationToken" && !f.Key.Contains("Password", StringComparison.OrdinalIgnoreCase))
                .SelectMany(f => f.Value.Where(v => !string.IsNullOrWhiteSpace(v) && v is not ("true" or "false")).Select(v => (Label(f.Key), v!)))
                .ToList();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>« Input.Reason » → « Reason »: the field's name without the form's prefix.</summary>
    private static string Label(string field) => field.StartsWith("Input.", StringComparison.Ordinal) ? field["Input.".Length..] : field;
}
