using System.Net;
using System.Text.Json;
using CqpPortal.Testing;
using CqpPortal.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CqpPortal.Web.Tests.Nodes;

/// <summary>A node's deployment settings: public address, trusted proxies, migrations left to a separate step.</summary>
public class NodeSettingsTests
{
    private const string PublicUrl = "https://cqp.example.fr";

    [Theory]
    [InlineData(null)]
    [InlineData("http://cqp.example.fr")]
    public void In_Production_a_node_refuses_to_start_without_an_https_public_address_and_names_the_variable(string? publicUrl)
    {
        var database = TestCluster.NewDatabase("production");
        using var node = new PortalFactory(database, demoData: false,
            new Dictionary<string, string?> { ["environment"] = "Production", ["Portal:PublicUrl"] = publicUrl });
        var error = Assert.ThrowsAny<Exception>(() => node.Server);
        Assert.Contains("Portal__PublicUrl", error.ToString());
        Assert.Equal(0, TableCount(database)); // refused before touching the database
    }

    [Theory]
    [InlineData("10.0.0.0/8, 192.168.1.5 ::1", true)]
    [InlineData("172.16.0.0/12;fd00::/8", true)]
    [InlineData("proxy.example", false)]
    [InlineData("10.0.0.300", false)]
    public void Trusted_proxies_are_addresses_or_networks_and_anything_else_is_refused_at_start(string proxies, bool valid)
    {
        var settings = new PortalSettings { PublicUrl = PublicUrl, TrustedProxies = proxies };
        var result = new PortalSettingsValidation(new HostingEnvironment { EnvironmentName = "Production" }).Validate(null, settings);
        Assert.Equal(valid, result.Succeeded);
        if (valid) Assert.Equal(proxies.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Length, settings.TrustedNetworks().Count);
        else Assert.Contains("Portal__TrustedProxies", result.FailureMessage);
    }

    [Fact]
    public async Task A_node_that_does_not_migrate_on_start_changes_nothing_and_is_not_ready_until_the_migrate_step_has_run()
    {
        var database = TestCluster.NewDatabase("nomigrate");
        using var node = new PortalFactory(database, demoData: false,
            new Dictionary<string, string?> { ["Portal:MigrateOnStart"] = "false", ["Jobs:RunScheduler"] = "false" });
        using var client = PortalClient.For(node);

        var behind = await client.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
        var schema = await SchemaCheckAsync(behind);
        Assert.Equal("Unhealthy", schema.GetProperty("status").GetString());
        Assert.Contains("migrate", schema.GetProperty("description").GetString());
        Assert.Equal(0, TableCount(database));

        await node.Services.MigrateDatabaseAsync(); // what `migrate` does, once per deploy
        // The schema check only: Quartz's store check stays down once it was asked before its tables existed (Hangfire replaces it).
        var ready = await client.Http.GetAsync("/health");
        Assert.Equal("Healthy", (await SchemaCheckAsync(ready)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_forwarded_https_address_is_the_requests_and_cookies_are_secure()
    {
        using var portal = new PortalFactory(TestCluster.NewDatabase("proxy"), demoData: false,
            new Dictionary<string, string?> { ["Portal:TrustedProxies"] = "10.0.0.0/8, 192.168.1.5", ["Jobs:RunScheduler"] = "false" });
        using var node = portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, PeerAddress>()));

        using var fromProxy = await ThroughAsync(node, "10.1.2.3", "/Staff");
        Assert.StartsWith("https://cqp.example.fr/Compte/Connexion", fromProxy.Headers.Location!.ToString());
        using var signIn = await ThroughAsync(node, "192.168.1.5", "/Compte/Connexion");
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // Anyone else may send the same headers: they are ignored.
        using var spoofed = await ThroughAsync(node, "203.0.113.9", "/Staff");
        Assert.StartsWith("http://localhost/Compte/Connexion", spoofed.Headers.Location!.ToString());
        using var spoofedSignIn = await ThroughAsync(node, "203.0.113.9", "/Compte/Connexion");
        Assert.DoesNotContain(spoofedSignIn.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task In_Production_https_answers_carry_HSTS_and_the_cookies_are_Host_prefixed_and_secure()
    {
        using var portal = new PortalFactory(TestCluster.NewDatabase("hsts"), demoData: false, new Dictionary<string, string?>
        {
            ["environment"] = "Production", ["Portal:PublicUrl"] = PublicUrl, ["Portal:TrustedProxies"] = "10.0.0.0/8", ["Jobs:RunScheduler"] = "false",
        });
        using var node = portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, PeerAddress>()));

        using var signIn = await ThroughAsync(node, "10.1.2.3", "/Compte/Connexion");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", signIn.Headers.GetValues("Strict-Transport-Security").Single());
        var cookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie =>
        {
            Assert.StartsWith(PortalNodesExtensions.HostCookiePrefix, cookie);
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/;", cookie + ";", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Links_in_e_mails_are_made_from_the_public_address_whatever_host_the_request_came_in_with()
    {
        using var portal = new PortalFactory(TestCluster.NewDatabase("publicurl"), demoData: false,
            new Dictionary<string, string?> { ["Portal:PublicUrl"] = PublicUrl + "/", ["Jobs:RunScheduler"] = "false" });
        using var client = PortalClient.For(portal);
        var email = $"n{Guid.NewGuid():N}"[..12] + "@exemple.fr";
        var created = await client.SubmitAsync("/Compte/Inscription", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Léa", ["Input.LastName"] = "Durand", ["Input.Email"] = email,
            ["Input.Password"] = "Bonjour-2026!", ["Input.ConfirmPassword"] = "Bonjour-2026!", ["Input.AcceptPrivacy"] = "true",
        });
        Assert.True(PortalClient.IsRedirectTo(created, "/Compte/ConfirmationEnvoyee"), $"{created.StatusCode}");
        Assert.StartsWith(PublicUrl + "/Compte/ConfirmerEmail?", MailFolder.FirstLink(portal.Mail.LatestTo(email), "/Compte/ConfirmerEmail"));
    }

    [Fact]
    public void In_Production_a_node_answers_only_to_its_public_host_and_the_loopback_unless_hosts_are_listed()
    {
        var settings = new PortalSettings { PublicUrl = PublicUrl };

        Assert.Equal(["cqp.example.fr", "localhost", "127.0.0.1", "[::1]"], PortalNodesExtensions.AllowedHosts(["*"], settings));
        Assert.Equal(["cqp.example.fr", "localhost", "127.0.0.1", "[::1]"], PortalNodesExtensions.AllowedHosts(null, settings));
        Assert.Equal(["cqp.example.fr", "10.0.0.7"], PortalNodesExtensions.AllowedHosts(["cqp.example.fr", "10.0.0.7"], settings));
    }

    [Fact]
    public void The_first_start_on_an_empty_database_migrates_it_without_logging_an_error()
    {
        var errors = new ErrorLog();
        using var portal = new PortalFactory(TestCluster.NewDatabase("firststart"), demoData: false, new Dictionary<string, string?> { ["Jobs:RunScheduler"] = "false" });
        using var node = portal.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(errors)));

        _ = node.Server;

        Assert.Empty(errors.Lines);
    }

    /// <summary>Every entry at Error or above, whatever its category.</summary>
    private sealed class ErrorLog : ILoggerProvider, ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) Lines.Enqueue(formatter(state, exception));
        }
        public void Dispose() { }
    }

    private static async Task<HttpResponseMessage> ThroughAsync(WebApplicationFactory<Program> node, string peer, string url)
    {
        using var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(PeerAddress.Header, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "cqp.example.fr");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> SchemaCheckAsync(HttpResponseMessage health)
    {
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("checks").GetProperty("schema").Clone();
    }

    private static long TableCount(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The test server has no TCP peer: this sets the address the request came from, as Kestrel would.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return following(context);
            });
            next(app);
        };
    }
}
