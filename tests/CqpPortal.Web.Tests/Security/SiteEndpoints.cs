using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Security;

/// <summary>
/// One address the site answers: a route of the app's <see cref="EndpointDataSource"/> (a Razor page, one of its named
/// GET handlers, a minimal API, a health check, the jobs dashboard), with the path the expected access is read from.
/// </summary>
public sealed record SiteEndpoint(string DisplayName, string Route, string AccessPath, string? Handler, string Method, IReadOnlyList<string> PostHandlers, Regex Matcher, IReadOnlyList<string> Parameters, bool IgnoresAntiforgery = false)
{
    /// <summary>How the suite names it in its messages: the route, and the handler when there is one.</summary>
    public string Name => Handler is null ? $"{Method} {Route}" : $"{Method} {Route}?handler={Handler}";

    public bool HasParameters => Parameters.Count > 0;

    /// <summary>The path itself when the route needs no value.</summary>
    public string? FixedPath => HasParameters ? null : Regex.Replace(Route, "/\\{[^}]*\\?\\}", "") is "" ? "/" : Regex.Replace(Route, "/\\{[^}]*\\?\\}", "");

    public bool Matches(string path) => Matcher.IsMatch(path);

    /// <summary>The address with its handler, for a concrete path of this route (a linked address keeps its own query).</summary>
    public string Url(string path) => Handler is null || path.Contains('?') ? path : $"{path}?handler={Handler}";
}

public static class SiteEndpoints
{
    /// <summary>Every endpoint of the running app but static files, each page once per route and named GET handler.</summary>
    public static async Task<IReadOnlyList<SiteEndpoint>> DiscoverAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<SiteEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null || IsStaticFileFallback(endpoint.RoutePattern)) continue;
            var route = endpoint.RoutePattern.RawText ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no route text.");
            route = "/" + route.TrimStart('/');
            var (matcher, parameters) = MatcherFor(endpoint.RoutePattern);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods;
                var posts = handlers.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)).Select(h => h.Name ?? "").Distinct().ToList();
                var gets = handlers.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)).Select(h => h.Name).Distinct().ToList();
                if (gets.Count == 0) gets.Add(null); // a page without OnGet still answers GET with its view
                var ignoresAntiforgery = compiled.FilterDescriptors.Any(f => f.Filter is IgnoreAntiforgeryTokenAttribute) || compiled.EndpointMetadata.Any(m => m is IgnoreAntiforgeryTokenAttribute);
                foreach (var get in gets)
                    found.Add(new SiteEndpoint(endpoint.DisplayName ?? route, route, page.ViewEnginePath, get, "GET", get is null ? posts : [], matcher, parameters, ignoresAntiforgery));
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var catchAll = endpoint.RoutePattern.Parameters.Any(p => p.IsCatchAll);
            // The jobs dashboard (one catch-all route): its front page stands for it.
            var accessPath = catchAll ? route[..route.IndexOf("/{", StringComparison.Ordinal)] : route;
            foreach (var method in methods)
                found.Add(new SiteEndpoint(endpoint.DisplayName ?? route, catchAll ? accessPath : route, accessPath, null, method, [], matcher, catchAll ? [] : parameters));
        }
        return found.DistinctBy(e => e.Name).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The development-time static files' fallback (<c>{**path:file}</c>): files, not pages.</summary>
    private static bool IsStaticFileFallback(RoutePattern pattern) =>
        pattern.Parameters is [{ IsCatchAll: true } parameter] && pattern.PathSegments.Count == 1
        && parameter.ParameterPolicies.Any(p => p.Content == "file");

    /// <summary>A regular expression matching the paths of a route, with its constraints (int, regex, optional).</summary>
    private static (Regex, IReadOnlyList<string>) MatcherFor(RoutePattern pattern)
    {
        var regex = new StringBuilder("^");
        var names = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var optionalSegment = segment.Parts is [RoutePatternParameterPart { IsOptional: true }];
            regex.Append(optionalSegment ? "(?:/" : "/");
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal: regex.Append(Regex.Escape(literal.Content)); break;
                    case RoutePatternSeparatorPart separator: regex.Append(Regex.Escape(separator.Content)); break;
                    case RoutePatternParameterPart parameter:
                        if (!parameter.IsOptional) names.Add(parameter.Name);
                        regex.Append(parameter.IsCatchAll ? "(.*)" : "(" + ValuePattern(parameter) + ")");
                        break;
                }
            }
            if (optionalSegment) regex.Append(")?");
        }
        if (pattern.PathSegments.Count == 0) regex.Append('/');
        regex.Append('$');
        return (new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), names);
    }

    private static string ValuePattern(RoutePatternParameterPart parameter)
    {
        foreach (var policy in parameter.ParameterPolicies)
        {
            if (policy.Content == "int") return "-?[0-9]+";
            if (policy.Content?.StartsWith("regex(", StringComparison.Ordinal) == true)
                return policy.Content["regex(".Length..^1].TrimStart('^').TrimEnd('$');
        }
        return "[^/]+";
    }
}
