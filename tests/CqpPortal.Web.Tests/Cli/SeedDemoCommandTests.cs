using CqpPortal.Testing;
using CqpPortal.Web.Tests.Statistics;
using Npgsql;

namespace CqpPortal.Web.Tests.Cli;

/// <summary>`./portal seed-demo` on its own database: the demo accounts appear, and never in Production.</summary>
public class SeedDemoCommandTests
{
    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Seed_demo_adds_the_demo_accounts_and_data_in_development()
    {
        var database = TestCluster.NewDatabase("cli_demo");
        var (exitCode, _, errors) = await PortalCommandLine.RunInAsync("Development", database, "seed-demo");
        Assert.True(exitCode == 0, errors);
        Assert.Equal(1, await CountAsync(database, "SELECT count(*) FROM \"AspNetUsers\" WHERE \"Email\" = 'staff@cqp.test'"));
        Assert.True(await CountAsync(database, "SELECT count(*) FROM \"Registrations\"") > 100);
    }

    [Fact]
    public async Task Seed_demo_is_refused_in_production_as_aspnetcore_environment_says()
    {
        var database = TestCluster.NewDatabase("cli_prod");
        var (exitCode, _, errors) = await PortalCommandLine.RunInAsync("Production", database, "seed-demo");
        Assert.Equal(1, exitCode);
        Assert.Contains("never seeded in Production", errors);
    }
}
