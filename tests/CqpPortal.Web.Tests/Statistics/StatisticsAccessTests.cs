using System.Net;
using System.Text.Json.Nodes;
using CqpPortal.Testing;

namespace CqpPortal.Web.Tests.Statistics;

/// <summary>The statistics download on the demo data: for SIST and the committee only; the command line writes the same file.</summary>
[Collection(PortalCollection.Name)]
public class StatisticsAccessTests(DemoPortal portal)
{
    private static readonly int LastYear = DateTime.UtcNow.Year - 1;

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var client = PortalClient.For(portal);

        var response = await client.Http.GetAsync($"/Analyse/Statistiques/{LastYear}.json");

        Assert.True(PortalClient.IsRedirectTo(response, "/Compte/Connexion?ReturnUrl="), $"{response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task A_candidate_is_refused_the_statistics()
    {
        using var client = PortalClient.For(portal);
        await client.LoginAsync("candidat@cqp.test");

        var response = await client.Http.GetAsync($"/Analyse/Statistiques/{LastYear}.json");

        Assert.True(PortalClient.IsRedirectTo(response, "/Compte/AccesRefuse"), $"{response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task Sist_downloads_the_year_and_the_command_line_writes_the_same_json_to_a_file()
    {
        using var sist = PortalClient.For(portal);
        await sist.LoginAsync("sist@cqp.test");
        var response = await sist.Http.GetAsync($"/Analyse/Statistiques/{LastYear}.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var download = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(download)!;
        Assert.Equal(LastYear, json["year"]!.GetValue<int>());
        Assert.True(json["profiles"]!["total"]!.GetValue<int>() >= 90, "about a hundred registrations a year in the demo data");
        Assert.True(json["juries"]!["total"]!.GetValue<int>() > 0);

        var folder = Directory.CreateTempSubdirectory("cqp-stats-");
        try
        {
            var file = Path.Combine(folder.FullName, "stats.json");
            var (exitCode, output, errors) = await PortalCommandLine.RunAsync(portal.ConnectionString, "report", "stats-json", "--year", LastYear.ToString(), "--out", file);

            Assert.True(exitCode == 0, errors);
            Assert.Equal("", output);
            Assert.Equal(download, await File.ReadAllTextAsync(file));
            Assert.Equal(["stats.json"], folder.GetFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
