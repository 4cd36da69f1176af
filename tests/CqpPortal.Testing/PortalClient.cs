using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CqpPortal.Testing;

/// <summary>
/// A user of the portal without a browser: keeps cookies, reads pages as HTML documents and submits their forms
/// (anti-forgery token included), following the Identity UI test style.
/// </summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    public const string DemoPassword = "Demo-Portail-2026!";

    public static PortalClient For(PortalFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public HttpClient Http => http;

    /// <summary>The account this client signed in with, when a test helper made it.</summary>
    public string? Email { get; set; }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(string url)
    {
        var response = await http.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>Loads <paramref name="url"/>, fills the form that contains the given fields and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IReadOnlyDictionary<string, string> fields, string? formSelector = null)
    {
        var (_, page) = await GetAsync(url);
        var form = (formSelector is null
            ? page.Forms.FirstOrDefault(f => fields.Keys.All(k => f.Elements.Any(e => e.GetAttribute("name") == k)))
            : page.QuerySelector(formSelector) as IHtmlFormElement)
            ?? throw new InvalidOperationException($"No form with fields {string.Join(", ", fields.Keys)} on {url}.");
        return await PostFormAsync(form, url, fields);
    }

    public async Task<HttpResponseMessage> PostFormAsync(IHtmlFormElement form, string pageUrl, IReadOnlyDictionary<string, string> fields)
    {
        // Hidden inputs may repeat (e.g. __Invariant for each number field): keep them all, unless a field overrides them.
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name) && !fields.ContainsKey(i.Name!))
            .Select(i => KeyValuePair.Create(i.Name!, i.Value))
            .Concat(fields)
            .ToList();
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in through the login form; returns where the portal sends the user next.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string email, string password = DemoPassword) =>
        await SubmitAsync("/Compte/Connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public async Task<HttpResponseMessage> LogoutAsync()
    {
        var (_, page) = await GetAsync("/Compte/Deconnexion");
        return await PostFormAsync(page.Forms.First(f => f.GetAttribute("method") == "post"), "/Compte/Deconnexion", new Dictionary<string, string>());
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    public static bool IsRedirectTo(HttpResponseMessage response, string pathStart) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).StartsWith(pathStart, StringComparison.OrdinalIgnoreCase);

    public void Dispose() => http.Dispose();
}
