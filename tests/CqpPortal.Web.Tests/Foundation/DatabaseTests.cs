using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Foundation;

[Collection(PortalCollection.Name)]
public class DatabaseTests(DemoPortal portal)
{
    [Fact]
    public async Task The_portal_runs_on_a_real_postgresql_server()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        var version = await db.Database.SqlQueryRaw<string>("SELECT version() AS \"Value\"").SingleAsync();
        var number = await db.Database.SqlQueryRaw<int>("SELECT current_setting('server_version_num')::int AS \"Value\"").SingleAsync();
        Assert.StartsWith("PostgreSQL ", version);
        Assert.True(number >= 150000, $"PostgreSQL 15 or newer expected, got {version}");
    }

    [Fact]
    public async Task No_model_change_is_left_without_a_migration()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changed since the last migration: run `dotnet ef migrations add <Name> --project src/CqpPortal.Web --startup-project src/CqpPortal.DesignTime --output-dir Data/Migrations`.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task The_migrate_step_installs_the_hangfire_schema_and_no_quartz_table_is_left()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var hangfire = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = {0}", PortalJobsExtensions.Schema).ToListAsync();
        Assert.Empty(new[] { "job", "jobqueue", "state", "server", "hash", "set", "lock", "schema" }.Except(hangfire));
        var quartz = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'").ToListAsync();
        Assert.Empty(quartz);
    }
}
