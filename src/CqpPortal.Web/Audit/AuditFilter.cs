using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace CqpPortal.Web.Audit;

/// <summary>
/// The one place that sees every read and change of a person's file: for a signed-in user who reads others' files
/// (<see cref="Roles.ReadingOthersFiles"/>) on a page marked <see cref="AuditedAccessAttribute"/>, it writes one journal
/// row once the handler has decided what to answer and before the answer is written. Fail closed: if the row cannot be
/// written the exception propagates, the page or file is never sent and the user gets the error page (500). A change
/// (a POST) is saved by its handler first: if its row then fails, the change stays and the user sees the error page.
/// A node-wide singleton: what a request needs (the journal, the mailer) is taken from the request only when it is audited.
/// </summary>
public sealed class AuditFilter(ReadRateWatch watch, TimeProvider clock, ILogger<AuditFilter> logger) : IAsyncPageFilter
{
    private static readonly ConcurrentDictionary<TypeInfo, AuditedAccessAttribute?> Marks = new();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var mark = Marks.GetOrAdd(context.ActionDescriptor.HandlerTypeInfo, type => type.GetCustomAttribute<AuditedAccessAttribute>(inherit: true));
        var user = context.HttpContext.User;
        var handler = context.HandlerMethod?.Name is { Length: > 0 } name ? name : null;
        if (mark is null || !mark.Records(handler) || user.Identity?.IsAuthenticated != true || !Roles.ReadsOthersFiles(user))
        {
            await next();
            return;
        }

        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled) return; // nothing is shown: the error page follows

        var http = context.HttpContext;
        var log = http.RequestServices.GetRequiredService<AuditLog>();
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            UserEmail = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? "",
            Role = string.Join(",", Roles.ReadingOthersFiles.Where(user.IsInRole)),
            Kind = mark.Kind,
            SubjectId = IdFrom(context, mark.Subject),
            RegistrationId = IdFrom(context, mark.Registration),
            Change = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method),
            Method = http.Request.Method,
            Path = http.Request.Path.Value ?? "/",
            Handler = handler,
            StatusCode = StatusOf(executed.Result),
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
        };
        await log.WriteAsync(entry, CancellationToken.None); // a client leaving must not drop the row of a change already saved

        if (!entry.Change && watch.Read(entry.UserId) is { } reads)
        {
            var detail = watch.Rule.Describe(reads);
            logger.LogWarning("Read-rate alert for user {UserId}: {Reads} reads in the window", entry.UserId, reads);
            await log.WriteAsync(new AuditEntry
            {
                At = entry.At, UserId = entry.UserId, UserEmail = entry.UserEmail, Role = entry.Role, Kind = AuditKinds.Alert,
                SubjectId = entry.SubjectId, RegistrationId = entry.RegistrationId, Method = entry.Method, Path = entry.Path,
                Handler = entry.Handler, StatusCode = entry.StatusCode, IpAddress = entry.IpAddress, Detail = detail,
            }, CancellationToken.None);
            await http.RequestServices.GetRequiredService<AdministratorMailer>().ReadRateAlertAsync(entry.UserEmail, entry.Role, detail, entry.At);
        }
    }

    /// <summary>The id in the route, the query string or the posted form (already read by model binding), when it is a number.</summary>
    private static int? IdFrom(PageHandlerExecutingContext context, string key)
    {
        var request = context.HttpContext.Request;
        var value = context.RouteData.Values.TryGetValue(key, out var routed) ? routed?.ToString()
            : request.Query.TryGetValue(key, out var queried) ? queried.ToString()
            : request.HasFormContentType && request.Form.TryGetValue(key, out var posted) ? posted.ToString()
            : null;
        return int.TryParse(value, out var id) ? id : null;
    }

    /// <summary>The status the answer will carry, from the handler's result (the result itself is written later).</summary>
    private static int StatusOf(IActionResult? result) => result switch
    {
        IStatusCodeActionResult { StatusCode: { } code } => code,
        Microsoft.AspNetCore.Mvc.RazorPages.PageResult { StatusCode: { } code } => code,
        RedirectResult { Permanent: true } or RedirectToPageResult { Permanent: true } => StatusCodes.Status301MovedPermanently,
        RedirectResult or RedirectToPageResult or RedirectToActionResult or RedirectToRouteResult or LocalRedirectResult => StatusCodes.Status302Found,
        ForbidResult => StatusCodes.Status403Forbidden,
        ChallengeResult => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status200OK,
    };
}
