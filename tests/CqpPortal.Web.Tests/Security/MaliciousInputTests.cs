using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using CqpPortal.Testing;

namespace CqpPortal.Web.Tests.Security;

/// <summary>
/// Every post form that takes text, found on the pages each role (and an anonymous visitor) opens, gets each malicious
/// input in all its text fields, with its anti-forgery token: a NUL byte gets the French 400 page; a script is never
/// echoed unescaped; a formula, 100 KB and a line break in a name never make a 500; exports keep formulas as text.
/// </summary>
[Collection(AdversarialCollection.Name)]
public class MaliciousInputTests(InputPortal portal) : IClassFixture<InputPortal>
{
    private const string Script = "<script>alert(\"cqp-xss\")</script>";
    private const string Formula = "=HYPERLINK(\"http://exemple.invalid/\",\"cqp-formule\")";

    private static readonly (string Name, string Value)[] Inputs =
    [
        ("a script", Script),
        ("a formula", Formula),
        ("100 KB", new string('a', 100 * 1024)),
        ("a line break in a name", "Jeanne\r\nBcc: intrus@exemple.invalid"),
        ("a NUL byte", "Jeanne\0Martin"),
    ];

    [Fact]
    public async Task Every_form_that_takes_text_withstands_each_malicious_input_and_exports_keep_formulas_as_text()
    {
        var failures = new List<string>();
        var forms = new List<string>();
        var seen = new HashSet<string>();
        foreach (var visitor in portal.Everyone)
        {
            foreach (var (pageUrl, index, description) in visitor.Forms)
            {
                var (form, _) = await FindFormAsync(visitor, pageUrl, index);
                if (form is null || TextFields(form).Count == 0) continue;
                var key = Key(form, pageUrl);
                if (!seen.Add(key)) continue;
                forms.Add($"{description} as {visitor.Name}");
                foreach (var (name, value) in Inputs)
                {
                    // The page again for each post: a fresh form (its token, its hidden values), as a browser would have.
                    // The same form (action and fields): a post may have added forms before it on the page (« Retirer »).
                    var (current, page) = await FindFormAsync(visitor, pageUrl, key);
                    if (current is null) break;
                    var (response, body) = await PostAsync(visitor, current, page, value);
                    var where = $"{description} as {visitor.Name} with {name}";
                    if (value.Contains('\0'))
                    {
                        if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("lang=\"fr\""))
                            failures.Add($"{where}: {(int)response.StatusCode} {response.Headers.Location}, expected the French 400 page");
                        continue;
                    }
                    if ((int)response.StatusCode >= 500) failures.Add($"{where}: {(int)response.StatusCode} {System.Text.RegularExpressions.Regex.Match(body, "<h1>(.*?)</h1>").Groups[1].Value}");
                    if (body.Contains(Script, StringComparison.Ordinal)) failures.Add($"{where}: the script is echoed unescaped");
                    if (response.Headers.Location is { } location && location.OriginalString.StartsWith('/'))
                    {
                        var next = await visitor.Client.Http.GetAsync(location);
                        var nextBody = await next.Content.ReadAsStringAsync();
                        if ((int)next.StatusCode >= 500) failures.Add($"{where}, then {location}: {(int)next.StatusCode}");
                        if (nextBody.Contains(Script, StringComparison.Ordinal)) failures.Add($"{where}, then {location}: the script is echoed unescaped");
                    }
                }
            }
        }
        failures.AddRange(await FormulasInExportsAsync());
        Assert.True(failures.Count == 0, $"{failures.Count} failures over {forms.Count} forms:\n" + string.Join("\n", failures));
        Assert.True(forms.Count > 25, $"only {forms.Count} forms take text:\n" + string.Join("\n", forms));
    }

    /// <summary>Every list export staff can download (csv), after the formulas were posted: no cell starts a formula.</summary>
    private async Task<List<string>> FormulasInExportsAsync()
    {
        var failures = new List<string>();
        var staff = portal.SignedIn.First(v => v.Email == "staff@cqp.test");
        var exports = staff.Links.Values.SelectMany(paths => paths).Where(p => p.Contains("format=csv", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(exports);
        foreach (var url in exports)
        {
            var response = await staff.Client.Http.GetAsync(url);
            if (PortalClient.IsRedirectTo(response, "/Compte/Connexion"))
            {
                await AdversarialPortal.SignInAsync(staff);
                response = await staff.Client.Http.GetAsync(url);
            }
            var csv = await response.Content.ReadAsStringAsync();
            if (csv.Split('\n').SelectMany(line => line.Split(';')).Any(cell => cell.TrimStart('"').StartsWith("=HYPERLINK", StringComparison.Ordinal)))
                failures.Add($"{url}: a cell starts with =HYPERLINK");
        }
        return failures;
    }

    private static async Task<(IHtmlFormElement?, string)> FindFormAsync(Visitor visitor, string pageUrl, string key)
    {
        var forms = await PostFormsAsync(visitor, pageUrl);
        return (forms.FirstOrDefault(f => Key(f, pageUrl) == key), pageUrl);
    }

    private static async Task<(IHtmlFormElement?, string)> FindFormAsync(Visitor visitor, string pageUrl, int index)
    {
        var forms = await PostFormsAsync(visitor, pageUrl);
        return (index < forms.Count ? forms[index] : null, pageUrl);
    }

    /// <summary>The post forms of the page, signing the visitor in again if a post ended their session.</summary>
    private static async Task<List<IHtmlFormElement>> PostFormsAsync(Visitor visitor, string pageUrl)
    {
        var response = await visitor.Client.Http.GetAsync(pageUrl);
        if (visitor.Email is not null && PortalClient.IsRedirectTo(response, "/Compte/Connexion"))
        {
            await AdversarialPortal.SignInAsync(visitor);
            response = await visitor.Client.Http.GetAsync(pageUrl);
        }
        if (!response.IsSuccessStatusCode) return [];
        var page = await PortalClient.ParseAsync(response);
        return page.Forms.Where(AdversarialPortal.IsPost).ToList();
    }

    private static readonly HashSet<string> TextTypes = ["text", "email", "tel", "search", "url", "password", ""];

    private static List<IHtmlElement> TextFields(IHtmlFormElement form) =>
        form.Elements.Where(e => !string.IsNullOrEmpty(e.GetAttribute("name")) && !e.HasAttribute("disabled")
            && (e is IHtmlTextAreaElement || (e is IHtmlInputElement input && TextTypes.Contains(input.GetAttribute("type")?.ToLowerInvariant() ?? ""))))
            .Cast<IHtmlElement>().ToList();

    /// <summary>The same form found on several pages (the header's, one per row) is posted once.</summary>
    private static string Key(IHtmlFormElement form, string pageUrl)
    {
        var (path, handler) = AdversarialPortal.Split(Action(form, pageUrl));
        var shape = System.Text.RegularExpressions.Regex.Replace(path, "/[0-9]+", "/{n}");
        return $"{shape}?{handler}:{string.Join(",", form.Elements.Select(e => e.GetAttribute("name")).Where(n => !string.IsNullOrEmpty(n)).Order())}";
    }

    private static string Action(IHtmlFormElement form, string pageUrl)
    {
        var submitter = form.Elements.FirstOrDefault(e => e.HasAttribute("formaction") && (e.GetAttribute("type") ?? "submit") == "submit");
        var action = submitter?.GetAttribute("formaction") ?? form.GetAttribute("action");
        if (string.IsNullOrEmpty(action)) return pageUrl;
        var resolved = new Uri(new Uri("http://localhost" + pageUrl), action);
        return resolved.PathAndQuery;
    }

    /// <summary>Posts the form as a browser would (its own values, the token), with every text field set to <paramref name="value"/>.</summary>
    private static async Task<(HttpResponseMessage, string)> PostAsync(Visitor visitor, IHtmlFormElement form, string pageUrl, string value)
    {
        var text = TextFields(form).ToHashSet();
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled")) continue;
            if (text.Contains(element)) fields.Add(KeyValuePair.Create(name, value));
            else if (element is IHtmlInputElement input)
            {
                var type = input.GetAttribute("type")?.ToLowerInvariant();
                if (type is "checkbox" or "radio") { if (input.IsChecked) fields.Add(KeyValuePair.Create(name, input.Value ?? "on")); }
                else if (type is not ("submit" or "button" or "image" or "reset" or "file")) fields.Add(KeyValuePair.Create(name, input.Value ?? ""));
            }
            else if (element is IHtmlSelectElement select)
            {
                var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault(o => !string.IsNullOrEmpty(o.Value));
                if (option is not null) fields.Add(KeyValuePair.Create(name, option.Value));
            }
        }
        HttpContent content;
        if (string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, fieldValue) in fields) multipart.Add(new StringContent(fieldValue, Encoding.UTF8), name);
            content = multipart;
        }
        else content = new FormUrlEncodedContent(fields);
        var response = await visitor.Client.Http.PostAsync(Action(form, pageUrl), content);
        return (response, await response.Content.ReadAsStringAsync());
    }
}
