using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CqpPortal.Web.Tests.Nodes;

/// <summary>What a user meets when each request may go to another web node of the same database.</summary>
public class MultiNodeTests(TwoWebNodes nodes) : IClassFixture<TwoWebNodes>
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(2);

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private static async Task<(HttpResponseMessage Response, string Text)> AnonymousAsync(PortalFactory node, string url)
    {
        using var visitor = PortalClient.For(node);
        var (response, page) = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, page.QuerySelector("main")!.TextContent);
    }

    /// <summary>Reads the page again and again until it shows <paramref name="expected"/>, for at most <see cref="Propagation"/>.</summary>
    private static async Task SeenWithinAsync(PortalFactory node, string url, string expected)
    {
        var deadline = DateTime.UtcNow + Propagation;
        while (true)
        {
            if ((await AnonymousAsync(node, url)).Text.Contains(expected)) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"« {expected} » not shown on {url} of the other node within {Propagation.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }

    private static async Task CachedAsync(PortalFactory node, string url)
    {
        await AnonymousAsync(node, url);
        Assert.True(FromCache((await AnonymousAsync(node, url)).Response), $"{url} should come from the cache before the change.");
    }

    [Fact]
    public async Task A_sign_in_on_one_node_is_valid_on_the_other()
    {
        var (onFirst, onSecond) = TwoWebNodes.Browser(nodes.First, nodes.Second);
        using (onFirst)
        using (onSecond)
        {
            var login = await onFirst.LoginAsync("staff@cqp.test");
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.False(PortalClient.IsRedirectTo(login, "/Compte/Connexion"));
            var (response, page) = await onSecond.GetAsync("/Staff/Contenus");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("staff@cqp.test", page.Body!.TextContent);
        }
    }

    [Fact]
    public async Task A_form_fetched_on_one_node_posts_on_the_other_and_its_change_reaches_the_first_nodes_visitors_within_two_seconds()
    {
        const string slug = "faq";
        await CachedAsync(nodes.First, $"/{slug}");
        var (onFirst, onSecond) = TwoWebNodes.Browser(nodes.First, nodes.Second);
        using (onFirst)
        using (onSecond)
        {
            await onSecond.LoginAsync("staff@cqp.test");
            var (_, edit) = await onFirst.GetAsync($"/Staff/Contenus/Edition/{slug}"); // anti-forgery cookie and token from the first node
            var original = edit.QuerySelector("#Markdown")!.TextContent;
            var marker = $"Réponse d'un autre nœud {Guid.NewGuid():N}";
            var form = edit.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Markdown"));
            var saved = await onSecond.PostFormAsync(form, $"/Staff/Contenus/Edition/{slug}?handler=Save", new Dictionary<string, string> { ["Markdown"] = original + "\n\n" + marker + "\n" });
            Assert.True(PortalClient.IsRedirectTo(saved, "/Staff/Contenus"), $"{saved.StatusCode}");
            await PublicSite.AvisConformeSteps.ApproveNewestContentAsync(nodes.Second, slug); // public once SIST approves it, on the second node

            await SeenWithinAsync(nodes.First, $"/{slug}", marker);
        }
    }

    [Fact]
    public async Task A_session_saved_outside_any_request_reaches_the_other_nodes_cached_calendar_within_two_seconds()
    {
        await CachedAsync(nodes.Second, "/calendrier");
        var place = $"Salle nœuds {Guid.NewGuid():N}"[..22];
        await using (var scope = nodes.First.Services.CreateAsyncScope())
        {
            // As a worker's job or the command line would: no page, only the data context.
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var day = DateTime.UtcNow.Date.AddDays(40).AddHours(8);
            db.Sessions.Add(new Session
            {
                CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Kind = SessionKind.Evaluation, StartsAt = new DateTimeOffset(day, TimeSpan.Zero),
                DurationMinutes = 220, PlaceName = place, Address = "3 rue des Nœuds", PostalCode = "35000", City = "Rennes", Region = Region.Ouest,
                Capacity = 5, RegistrationDeadline = DateOnly.FromDateTime(day).AddDays(-7),
            });
            await db.SaveChangesAsync();
        }
        await SeenWithinAsync(nodes.Second, "/calendrier", place);
    }

    [Fact]
    public async Task A_node_whose_listening_connection_drops_reconnects_and_forgets_what_it_had_cached()
    {
        await CachedAsync(nodes.Second, "/referentiel");
        await using var admin = new NpgsqlConnection(nodes.ConnectionString);
        await admin.OpenAsync();
        var before = await ListenersAsync(admin);
        Assert.Equal(2, before.Count);
        await using (var kill = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", admin))
        {
            kill.Parameters.AddWithValue("name", PublicPageCacheListener.ApplicationName);
            await kill.ExecuteNonQueryAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var now = await ListenersAsync(admin);
            if (now.Count == 2 && !now.Overlaps(before) && !FromCache((await AnonymousAsync(nodes.Second, "/referentiel")).Response)) break;
            if (DateTime.UtcNow > deadline) Assert.Fail("The listeners did not come back, or the node kept its cached page after reconnecting.");
            await Task.Delay(100);
        }
    }

    private static async Task<HashSet<int>> ListenersAsync(NpgsqlConnection admin)
    {
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", admin);
        command.Parameters.AddWithValue("name", PublicPageCacheListener.ApplicationName);
        var pids = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) pids.Add(reader.GetInt32(0));
        return pids;
    }
}
