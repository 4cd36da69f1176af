using System.Net;
using CqpPortal.LocalDb;
using CqpPortal.Testing;

namespace CqpPortal.Web.Tests.Foundation;

/// <summary>The database goes away while the site runs, then comes back: French error page, /health says so, recovery.</summary>
public sealed class DatabaseOutageTests : IDisposable
{
    private readonly LocalCluster cluster = TestCluster.Create();

    [Fact]
    public async Task When_the_database_stops_pages_answer_the_french_error_page_and_recover_when_it_returns()
    {
        await cluster.EnsureDatabaseAsync("outage");
        using var portal = new PortalFactory(cluster.ConnectionString("outage"), demoData: false);
        using var client = PortalClient.For(portal);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);

        cluster.Stop();
        // An anonymous page already in the output cache still answers; one that is not must read the database.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
        var (down, page) = await client.GetAsync("/?hors-cache");
        Assert.Equal(HttpStatusCode.InternalServerError, down.StatusCode);
        Assert.Contains("momentanément indisponible", page.Body!.TextContent);
        Assert.DoesNotContain("Npgsql", page.Source.Text);
        Assert.DoesNotContain(" at ", page.Body.TextContent);
        var health = await client.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("\"database\"", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/live")).StatusCode);

        cluster.Start();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);
    }

    public void Dispose() => TestCluster.Remove(cluster);
}
