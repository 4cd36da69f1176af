using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps, discovered from its endpoint data source, against every role and an anonymous visitor:
/// the expected allow/deny of <see cref="ExpectedAccess"/>, other people's ids, posts without an anti-forgery token and
/// NUL characters in the query. A new page is covered without editing this class.
/// </summary>
[Collection(AdversarialCollection.Name)]
public class AccessMatrixTests(AccessPortal portal) : IClassFixture<AccessPortal>
{
    [Fact]
    public void Every_kind_of_endpoint_is_discovered()
    {
        var routes = portal.Endpoints.Select(e => e.Route).ToHashSet();
        Assert.True(portal.Endpoints.Count(e => e.AccessPath.StartsWith('/') && e.Route.Contains("Staff")) > 30, "the staff pages");
        Assert.Contains("/Staff/Recevabilite/Dossier/{id:int}", routes);
        Assert.Contains(portal.Endpoints, e => e.Name == "GET /Jury/Session/{id:int}?handler=Minutes");
        Assert.Contains(portal.Endpoints, e => e.Name == "POST /api/prerequisites/check");
        Assert.Contains("/sitemap.xml", routes);
        Assert.Contains("/health/ready", routes);
        Assert.Contains(ExpectedAccess.JobsDashboard, routes);
    }

    [Fact]
    public async Task Each_role_and_an_anonymous_visitor_get_exactly_the_expected_access_to_every_endpoint()
    {
        var failures = new List<string>();
        var unfilled = new List<string>();
        var checks = 0;
        foreach (var endpoint in portal.Endpoints.Where(e => e.Method == "GET"))
        {
            string[]? allowed;
            try
            {
                allowed = ExpectedAccess.RolesFor(endpoint.AccessPath);
            }
            catch (UnexpectedEndpointException e)
            {
                failures.Add($"{endpoint.Name}: {e.Message}");
                continue;
            }
            foreach (var role in Roles.All.Prepend(null))
            {
                var isAllowed = allowed is null || (role is not null && allowed.Contains(role));
                if (Address(endpoint, role, isAllowed) is not (Visitor visitor, string url))
                {
                    unfilled.Add($"{endpoint.Name} as {role ?? "anonymous"}");
                    continue;
                }
                var response = await visitor.Client.Http.GetAsync(url);
                checks++;
                // A download handler no page links to (nothing to download yet) is opened bare: « not found » is its answer.
                var bareHandler = endpoint.Handler is not null && !url.Contains('&');
                var problem = allowed is null ? PublicProblem(response, endpoint)
                    : isAllowed ? (bareHandler && response.StatusCode == HttpStatusCode.NotFound ? null : AllowedProblem(response))
                    : DeniedProblem(response, role, endpoint);
                if (problem is not null) failures.Add($"{url} ({endpoint.Name}) as {role ?? "anonymous"} [{visitor.Name}]: {problem}");
            }
        }
        foreach (var missing in unfilled.Where(u => !WithoutRecordToOpen.Any(known => u.StartsWith(known.Key + " as ", StringComparison.Ordinal))))
            failures.Add($"{missing}: no value for its route parameters — no page this role opens links to a record of it; " +
                "seed data that a page links to, add the route to FixedRouteValues, or (last resort) to WithoutRecordToOpen with the reason.");
        foreach (var known in WithoutRecordToOpen.Keys.Where(k => !unfilled.Any(u => u.StartsWith(k + " as ", StringComparison.Ordinal))))
            failures.Add($"{known} is listed in WithoutRecordToOpen but every role now gets an address: take it off the list.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} access checks failed:\n" + string.Join("\n", failures));
        // Every endpoint was checked for every role and anonymous visitors, but for the allowed roles of the few listed.
        Assert.Equal(portal.Endpoints.Count(e => e.Method == "GET") * (Roles.All.Count + 1), checks + unfilled.Count);
    }

    [Fact]
    public async Task Candidates_managers_evaluators_and_jury_members_get_nothing_of_someone_elses_ids()
    {
        var failures = new List<string>();
        var probed = new Dictionary<string, int>();
        foreach (var visitor in portal.SignedIn.Where(v => ExpectedAccess.PersonalRoles.Contains(v.Role!)))
        {
            probed[visitor.Name] = 0;
            foreach (var endpoint in portal.Endpoints.Where(e => e.Method == "GET" && e.HasParameters))
            {
                var allowed = ExpectedAccess.RolesFor(endpoint.AccessPath);
                if (allowed is null || !allowed.Contains(visitor.Role!)) continue;
                var own = visitor.LinksTo(endpoint).ToHashSet();
                // Someone else's: what the other accounts of the same role reach (a manager may read their employees' files).
                var others = portal.SignedIn.Where(v => v != visitor && v.Role == visitor.Role).SelectMany(v => v.LinksTo(endpoint))
                    .Where(p => !own.Contains(p)).Distinct().Take(3).ToList();
                foreach (var path in others)
                {
                    var response = await visitor.Client.Http.GetAsync(endpoint.Url(path));
                    probed[visitor.Name]++;
                    if (!IsRefusal(response))
                        failures.Add($"{endpoint.Url(path)} ({endpoint.Name}) as {visitor.Name}, someone else's id: {Describe(response)}, expected 404, 403 or /Compte/AccesRefuse");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Every candidate and manager tried someone else's ids. Jury members all see the list of every jury: the one
        // sitting on every jury tries the jury of the other alone. Evaluators all see every evaluation session.
        foreach (var role in new[] { Roles.Candidate, Roles.CompanyManager })
        {
            var accounts = portal.SignedIn.Where(v => v.Role == role).Select(v => v.Name).ToList();
            Assert.True(accounts.All(a => probed[a] > 0), $"every {role} tried someone else's ids: " + string.Join(", ", accounts.Select(a => $"{a} {probed[a]}")));
        }
        Assert.True(probed["jury@cqp.test"] > 0, "the jury member sitting on every jury tried the jury of the other one");
    }

    [Fact]
    public async Task Every_post_handler_refuses_a_post_without_its_anti_forgery_token()
    {
        var failures = new List<string>();
        var checks = 0;
        var withoutToken = portal.Endpoints.Where(e => e.IgnoresAntiforgery).Select(e => e.AccessPath).Distinct().ToList();
        Assert.True(withoutToken.All(ExpectedAccess.PostsWithoutToken.ContainsKey),
            "pages taking posts without an anti-forgery token: " + string.Join(", ", withoutToken.Except(ExpectedAccess.PostsWithoutToken.Keys)));
        foreach (var endpoint in portal.Endpoints.Where(e => e.PostHandlers.Count > 0 && !ExpectedAccess.PostsWithoutToken.ContainsKey(e.AccessPath)))
        {
            var allowed = ExpectedAccess.RolesFor(endpoint.AccessPath);
            var role = allowed?.FirstOrDefault(r => Address(endpoint, r, true) is not null) ?? allowed?.First();
            // Anti-forgery is checked before the handler reads any id: an id of no record does as well.
            var (visitor, url) = Address(endpoint, role, true) ?? (portal.Everyone.First(v => v.Role == role), AnyValues(endpoint));
            foreach (var handler in endpoint.PostHandlers)
            {
                var path = AdversarialPortal.Split(url).Path;
                var target = handler == "" ? path : $"{path}?handler={handler}";
                var response = await visitor.Client.Http.PostAsync(target, new FormUrlEncodedContent([KeyValuePair.Create("Input.Text", "sans jeton")]));
                checks++;
                if (response.StatusCode != HttpStatusCode.BadRequest)
                    failures.Add($"POST {target} as {visitor.Name} without a token: {Describe(response)}, expected 400");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checks > 50, $"{checks} post handlers");
    }

    [Fact]
    public async Task A_NUL_character_in_the_query_of_any_endpoint_gets_the_french_400_page()
    {
        var failures = new List<string>();
        foreach (var endpoint in portal.Endpoints.Where(e => e.Method == "GET"))
        {
            var allowed = ExpectedAccess.RolesFor(endpoint.AccessPath);
            if ((Address(endpoint, allowed?.First(), true) ?? Address(endpoint, null, false)) is not (_, string url)) continue;
            var response = await portal.Anonymous.Client.Http.GetAsync(url + (url.Contains('?') ? "&" : "?") + "q=a%00b");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("lang=\"fr\""))
                failures.Add($"{url} ({endpoint.Name}) with %00 in its query: {Describe(response)}, expected the French 400 page");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Values of routes that no page links to: error codes, a token that opens nothing. Everything else comes from the
    /// links each role's own pages show.
    /// </summary>
    private static readonly Dictionary<string, string> FixedRouteValues = new()
    {
        ["/Enquete/{token}"] = "/Enquete/jeton-inconnu",
        ["/Enquete/{token}/Desinscription"] = "/Enquete/jeton-inconnu/Desinscription",
    };

    /// <summary>
    /// An address of <paramref name="endpoint"/> and who opens it for <paramref name="role"/>: for an allowed role, a
    /// path its own pages link to (a visitor of that role who saw it); otherwise a path anyone saw, opened by the
    /// role's first account (or the anonymous visitor).
    /// </summary>
    private (Visitor, string)? Address(SiteEndpoint endpoint, string? role, bool allowed)
    {
        var ofRole = portal.Everyone.Where(v => v.Role == role).ToList();
        var seen = portal.Everyone.SelectMany(v => portal.LinksOf(v, endpoint)).FirstOrDefault();
        if (allowed && role is not null && ExpectedAccess.RolesFor(endpoint.AccessPath) is not null)
        {
            var owner = ofRole.FirstOrDefault(v => portal.LinksOf(v, endpoint).Any());
            if (owner is not null)
                return (owner, endpoint.Url(portal.LinksOf(owner, endpoint).OrderBy(link => owner.Reached(endpoint.Url(link)) ? 0 : 1).First()));
            // The organisation and the analysts read everyone's records: an address any visitor saw is theirs too.
            if (SeeEveryRecord.Contains(role) && seen is not null) return (ofRole[0], endpoint.Url(seen));
            if (endpoint.HasParameters) return null;
        }
        if (!endpoint.HasParameters) return (ofRole[0], endpoint.Url(seen ?? endpoint.FixedPath!));
        var path = seen ?? FixedRouteValues.GetValueOrDefault(endpoint.Route);
        // A refused visitor is refused before any id is read: an id of no record checks the policy as well.
        if (path is null && !allowed) path = AnyValues(endpoint);
        return path is null ? null : (ofRole[0], endpoint.Url(path));
    }

    private static readonly HashSet<string> SeeEveryRecord = [Roles.Staff, Roles.Administrator, Roles.SistAnalyst, Roles.Committee];

    /// <summary>The route with 1 for each number and « x » for each other value.</summary>
    private static string AnyValues(SiteEndpoint endpoint) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(endpoint.Route, "\\{[^}]*:int\\}", "1"), "\\{[^}]*\\}", "x");

    /// <summary>
    /// Pages whose allowed roles cannot be checked yet: the demo data has no record of theirs that a page of that role
    /// links to. Their refusals are still checked (with an id of no record). Each entry names the route and why.
    /// </summary>
    private static readonly Dictionary<string, string> WithoutRecordToOpen = new()
    {
        ["GET /Analyse/Rapports/Fichier/{id:int}"] = "no report has run in the demo data",
        ["GET /Candidat/Enquete/{id:int}"] = "no demo candidate has a survey open",
        ["GET /Jury/Vae/Dossier/{id:int}"] = "no demo booklet is sent to a jury",
        ["GET /Jury/Vae/Fichier/{id:int}"] = "no demo VAE candidate with documents is convened to a jury",
        ["GET /Staff/Vae/Jury/{id:int}"] = "no demo booklet is sent to a jury",
        ["GET /Staff/Document/{id:int}"] = "the walk opens 4 files per page kind; none of them has a document",
        ["GET /Staff/Enquetes/Reponse/{id:int}"] = "the survey list links to answers only for holders to phone",
        ["GET /Staff/Evaluations/Dossier/{registrationId:int}"] = "the walk reaches no evaluated file",
        ["GET /Staff/Formation/Presences/{sessionId:int}"] = "the walk reaches no past training day",
        ["GET /Evaluation/Dossier/{registrationId:int}"] = "the walk reaches no session with a grid",
        ["GET /Evaluation/Grille/{enrolmentId:int}"] = "the walk reaches no session with a grid",
        ["GET /Formation/Attestation/{registrationId:int}"] = "no demo trainee has finished training",
        ["GET /Formation/Convocation/{sessionId:int}/{registrationId:int}"] = "the walk of the managers reaches other employees than those convened",
        ["GET /Formation/Releve/{registrationId:int}/{month}"] = "the walk of the managers reaches other employees than those in training",
    };

    private static string? PublicProblem(HttpResponseMessage response, SiteEndpoint endpoint) =>
        (int)response.StatusCode >= 500 || IsSignInRedirect(response)
            || (response.StatusCode == HttpStatusCode.Forbidden && endpoint.AccessPath != ExpectedAccess.AccessDenied)
            || PortalClient.IsRedirectTo(response, "/Compte/AccesRefuse")
            ? $"{Describe(response)}, expected a public answer" : null;

    private static string? AllowedProblem(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 200 and < 400 && !IsSignInRedirect(response) && !PortalClient.IsRedirectTo(response, "/Compte/AccesRefuse")
            ? null : $"{Describe(response)}, expected 2xx or a redirect within the site (the role is allowed)";

    private static string? DeniedProblem(HttpResponseMessage response, string? role, SiteEndpoint endpoint)
    {
        if (endpoint.AccessPath == ExpectedAccess.JobsDashboard)
            return response.StatusCode == (role is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden) ? null
                : $"{Describe(response)}, expected {(role is null ? 401 : 403)} from the jobs dashboard (role not allowed)";
        if (role is null)
            return IsSignInRedirect(response) ? null : $"{Describe(response)}, expected a redirect to /Compte/Connexion?ReturnUrl= (anonymous, page not public)";
        return IsRefusal(response) ? null : $"{Describe(response)}, expected /Compte/AccesRefuse, 403 or 404 (role not allowed)";
    }

    private static bool IsSignInRedirect(HttpResponseMessage response) => PortalClient.IsRedirectTo(response, "/Compte/Connexion?ReturnUrl=");

    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden || PortalClient.IsRedirectTo(response, "/Compte/AccesRefuse");

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } location ? " to " + location : "")}";
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AdversarialCollection
{
    public const string Name = "adversarial suite";
}
