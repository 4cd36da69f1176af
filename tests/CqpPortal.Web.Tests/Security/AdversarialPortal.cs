using AngleSharp.Html.Dom;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Seeding;
using CqpPortal.Domain.Vocabulary;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Security;

/// <summary>
/// One signed-in client per demo account (and one anonymous), each signed in once, and what each reached: the addresses
/// its pages link to, route by route (its own ids), and the forms they hold.
/// </summary>
public sealed class Visitor(string? email, string? role, PortalClient client)
{
    public string? Email { get; } = email;
    public string? Role { get; } = role;
    public PortalClient Client { get; } = client;
    public string Name => Email ?? "anonymous";

    /// <summary>Addresses (path and query) linked from the pages this visitor opened, by endpoint name.</summary>
    public Dictionary<string, SortedSet<string>> Links { get; } = [];

    /// <summary>Every address this visitor opened while walking the site, with the status it got.</summary>
    public List<(string Url, int Status)> Opened { get; } = [];

    /// <summary>Whether this visitor opened <paramref name="url"/> and got a page or a redirect.</summary>
    public bool Reached(string url) => Opened.Any(o => o.Url == url && o.Status < 400);

    /// <summary>The post forms of the pages this visitor opened: the page's address and the form's position on it.</summary>
    public List<(string PageUrl, int Index, string Description)> Forms { get; } = [];

    public IEnumerable<string> LinksTo(SiteEndpoint endpoint) => Links.TryGetValue(endpoint.Name, out var paths) ? paths : [];
}

/// <summary>
/// The portal with the demo data on a database of its own (the suite posts to every form), every endpoint discovered
/// from the app's endpoint data source, and every demo account signed in once and walked through the pages it may open.
/// </summary>
public abstract class AdversarialPortal(string purpose) : PortalFactory(TestCluster.NewDatabase(purpose), demoData: true,
    new Dictionary<string, string?> { ["Portal:FormPostsPerMinute"] = "100000", ["Portal:SignInFailuresPerAddress"] = "100000", ["Portal:SignInFailuresPerAccountAndAddress"] = "100000" }),
    IAsyncLifetime
{
    public IReadOnlyList<SiteEndpoint> Endpoints { get; private set; } = [];
    public Visitor Anonymous { get; private set; } = null!;
    public IReadOnlyList<Visitor> SignedIn { get; private set; } = [];
    public IEnumerable<Visitor> Everyone => SignedIn.Prepend(Anonymous);

    public async Task InitializeAsync()
    {
        await SeedSecondJuryAsync();
        await SeedPaperRegistrationAsync();
        Endpoints = await SiteEndpoints.DiscoverAsync(Services);
        Anonymous = new Visitor(null, null, PortalClient.For(this));
        await CrawlAsync(Anonymous);
        var signedIn = new List<Visitor>();
        foreach (var (email, role, _) in DemoAccounts.All)
        {
            var visitor = new Visitor(email, role, PortalClient.For(this));
            await SignInAsync(visitor);
            await CrawlAsync(visitor);
            signedIn.Add(visitor);
        }
        SignedIn = signedIn;
    }

    public static async Task SignInAsync(Visitor visitor)
    {
        var landing = await visitor.Client.LoginAsync(visitor.Email!);
        if (PortalClient.IsRedirectTo(landing, "/Compte/Connexion"))
            throw new InvalidOperationException($"{visitor.Email} could not sign in: {landing.StatusCode} {landing.Headers.Location}");
    }

    /// <summary>
    /// The demo jury member sits on every jury; a jury of the second member alone gives each of them someone else's
    /// session to try.
    /// </summary>
    private async Task SeedSecondJuryAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var second = await users.FindByEmailAsync("jury2@cqp.test") ?? throw new InvalidOperationException("jury2@cqp.test is not seeded.");
        var model = await db.Sessions.Where(s => s.Kind == SessionKind.Jury).OrderByDescending(s => s.StartsAt).FirstAsync();
        var session = new Session
        {
            CertificationId = model.CertificationId, Kind = SessionKind.Jury, StartsAt = model.StartsAt.AddDays(3), DurationMinutes = 180,
            PlaceName = "Salle du second jury", Address = model.Address, PostalCode = model.PostalCode, City = model.City, Region = model.Region,
            Capacity = 10, RegistrationDeadline = model.RegistrationDeadline.AddDays(3),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        db.JurySessionMembers.Add(new JurySessionMember { SessionId = session.Id, UserId = second.Id, AssignedAt = model.StartsAt.AddDays(-30) });
        await db.SaveChangesAsync();
    }

    /// <summary>A paper form being entered: staff reach the registration steps with its id (they get 404 without one).</summary>
    private async Task SeedPaperRegistrationAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var staff = await users.FindByEmailAsync("staff@cqp.test") ?? throw new InvalidOperationException("staff@cqp.test is not seeded.");
        var today = global::CqpPortal.Domain.Time.DayInParis.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var (id, _, refusal) = await scope.ServiceProvider.GetRequiredService<global::CqpPortal.Web.Registrations.PaperRegistrations>()
            .StartAsync(new global::CqpPortal.Web.Registrations.PaperForm("Paul", "Papier", null, today.AddDays(-2)), staff.Id);
        if (id is null) throw new InvalidOperationException(refusal);
    }

    /// <summary>
    /// The addresses <paramref name="visitor"/> saw for <paramref name="endpoint"/>; for a page's second route
    /// (<c>/Staff/Vae</c> and <c>/Staff/Vae/Index</c>), those seen for the other one, on this route's path.
    /// </summary>
    public IEnumerable<string> LinksOf(Visitor visitor, SiteEndpoint endpoint)
    {
        var own = visitor.LinksTo(endpoint).ToList();
        if (own.Count > 0) return own;
        static string Prefix(string route) => route.Contains('{') ? route[..route.IndexOf('{')] : route;
        return Endpoints.Where(e => e != endpoint && e.Method == "GET" && e.AccessPath == endpoint.AccessPath && e.Handler == endpoint.Handler
                && e.Parameters.SequenceEqual(endpoint.Parameters))
            .SelectMany(sibling => visitor.LinksTo(sibling).Where(link => link.StartsWith(Prefix(sibling.Route), StringComparison.OrdinalIgnoreCase))
                .Select(link => Prefix(endpoint.Route) + link[Prefix(sibling.Route).Length..]))
            .Where(link => endpoint.Matches(Split(link).Path));
    }

    /// <summary>The endpoint answering a path (and handler): the most literal route first, as routing does.</summary>
    public SiteEndpoint? EndpointOf(string path, string? handler) =>
        Endpoints.Where(e => e.Method == "GET" && string.Equals(e.Handler, handler, StringComparison.OrdinalIgnoreCase) && e.Matches(path))
            .OrderBy(e => e.Matcher.ToString().Contains("(.*)") ? 1 : 0)
            .ThenBy(e => e.Parameters.Count + (e.Route.Contains('{') ? 1 : 0)).ThenByDescending(e => e.Route.Length).FirstOrDefault();

    /// <summary>
    /// Opens the pages the visitor may open (by the expected table), then the private pages they link to, one address
    /// per endpoint, keeping every link and post form seen.
    /// </summary>
    private async Task CrawlAsync(Visitor visitor)
    {
        var opened = new Dictionary<string, int>();
        int Opened(SiteEndpoint endpoint) => opened.GetValueOrDefault(endpoint.Name);
        var seeds = Endpoints.Where(e => e.Method == "GET" && !e.HasParameters && MayCrawl(e, visitor))
            .Select(e => e.Url(e.FixedPath!)).Prepend("/");
        var queue = new Queue<string>(seeds);
        var openedUrls = new HashSet<string>();
        while (queue.TryDequeue(out var url))
        {
            var (path, handler) = Split(url);
            if (EndpointOf(path, handler) is not { } endpoint || Opened(endpoint) >= OpenedPerEndpoint || !openedUrls.Add(url)) continue;
            opened[endpoint.Name] = Opened(endpoint) + 1;
            var response = await visitor.Client.Http.GetAsync(url);
            visitor.Opened.Add((url, (int)response.StatusCode));
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var page = await PortalClient.ParseAsync(response);
            var next = new List<(SiteEndpoint Endpoint, string Url)>();
            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (!Uri.TryCreate(new Uri("http://localhost" + path), href, out var target) || target.Host != "localhost") continue;
                var linkHandler = System.Web.HttpUtility.ParseQueryString(target.Query)["handler"];
                if (EndpointOf(target.AbsolutePath, linkHandler) is not { } linked) continue;
                if (!visitor.Links.TryGetValue(linked.Name, out var paths)) visitor.Links[linked.Name] = paths = new SortedSet<string>(StringComparer.Ordinal);
                paths.Add(target.PathAndQuery);
                if (MayCrawl(linked, visitor)) next.Add((linked, linked.Url(target.PathAndQuery)));
            }
            // Lists put the coming records first and the past ones (with grids, documents, decisions) last: the last
            // link of each kind goes first, then the first, then the others.
            foreach (var group in next.DistinctBy(n => n.Url).GroupBy(n => n.Endpoint.Name))
                foreach (var (_, link) in group.Reverse().Take(1).Concat(group.SkipLast(1)))
                    queue.Enqueue(link);
            if (Opened(endpoint) > 1) continue; // its forms are the same as on the first one
            var forms = page.Forms.Where(IsPost).ToList();
            for (var i = 0; i < forms.Count; i++)
                visitor.Forms.Add((url, i, $"{url} form {i + 1} ({forms[i].GetAttribute("action") ?? "same page"})"));
        }
    }

    /// <summary>
    /// Each endpoint is opened at most this many times per visitor (different ids): enough to reach the records a
    /// first one may not have (a file with documents, a session with candidates), few enough to stay fast.
    /// </summary>
    private const int OpenedPerEndpoint = 4;

    public static bool IsPost(IHtmlFormElement form) => string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase);

    /// <summary>Anonymous visitors walk the public pages, signed-in users the private pages the table opens to their role.</summary>
    private static bool MayCrawl(SiteEndpoint endpoint, Visitor visitor)
    {
        if (endpoint.AccessPath == ExpectedAccess.JobsDashboard) return false;
        string[]? roles;
        try
        {
            roles = ExpectedAccess.RolesFor(endpoint.AccessPath);
        }
        catch (UnexpectedEndpointException)
        {
            return false; // the access test names it
        }
        return visitor.Role is null ? roles is null : roles?.Contains(visitor.Role) == true;
    }

    public static (string Path, string? Handler) Split(string url)
    {
        var query = url.IndexOf('?');
        return query < 0 ? (url, null) : (url[..query], System.Web.HttpUtility.ParseQueryString(url[query..])["handler"]);
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var visitor in Everyone) visitor.Client.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The portal the access checks read (they post nothing that is accepted).</summary>
public sealed class AccessPortal() : AdversarialPortal("access");

/// <summary>The portal the malicious inputs are posted to.</summary>
public sealed class InputPortal() : AdversarialPortal("inputs");
