using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CqpPortal.Web.Hosting;

public static class PortalDataExtensions
{
    public const string ConnectionName = "Portal";

    /// <summary>
    /// `CQP_DB` (an environment variable) wins over ConnectionStrings:Portal from configuration. Unless the string sets
    /// its own, the pool is capped (Portal:DatabasePoolSize, 40) below PostgreSQL's default 100 connections, so a burst
    /// of requests waits for a connection instead of failing with "too many clients" (seen at 200 concurrent registrations).
    /// </summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        var raw = configuration["CQP_DB"] is { Length: > 0 } fromEnvironment ? fromEnvironment
            : configuration.GetConnectionString(ConnectionName) is { Length: > 0 } configured ? configured
            : throw new InvalidOperationException(
                "No database configured: start the portal with `./portal run`, or set CQP_DB (or ConnectionStrings__Portal) to a PostgreSQL connection string.");
        var builder = new NpgsqlConnectionStringBuilder(raw);
        if (!raw.Contains("pool size", StringComparison.OrdinalIgnoreCase))
            builder.MaxPoolSize = PortalSettings.From(configuration).DatabasePoolSize;
        // Statements run five times are prepared on their connection and stay prepared in the pool: PostgreSQL then
        // skips parsing and planning, which cost more than running the small queries of a page (the candidate's file:
        // 4.9 ms planned each time, 1.3 ms prepared).
        if (!raw.Contains("auto prepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    public static IHostApplicationBuilder AddPortalData(this IHostApplicationBuilder builder)
    {
        var connectionString = ConnectionString(builder.Configuration);
        builder.Services.AddPortalSettings();
        builder.Services.AddPortalDataProtection();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddSingleton<IInterceptor>(services => services.GetRequiredService<AuditInterceptor>());
        builder.Services.AddSingleton<PublicPageCacheEviction>();
        builder.Services.AddSingleton<IInterceptor>(services => services.GetRequiredService<PublicPageCacheEviction>());
        // Every interceptor a feature registers as IInterceptor (the e-mails held until commit…) joins the context.
        // Pooled: a request takes a ready context instead of building its options and services again (each signed-in
        // request needs one, if only for the security stamp validator's user store).
        builder.Services.AddDbContextPool<CqpDbContext>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(services.GetServices<IInterceptor>()));
        return builder;
    }

    /// <summary>
    /// Applies pending migrations, then installs or upgrades Hangfire's schema (its own versioned scripts, idempotent):
    /// the only step that needs DDL rights, so nodes run with PrepareSchemaIfNecessary off.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        // Npgsql's Migrate reads the history table without looking for it first, so on an empty database EF logs a
        // « fail: Failed executing DbCommand » that reads as an error (npgsql/efcore.pg#3407). The table is made first.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // The installer's scripts are idempotent; a running node's job storage may deadlock with them (40P01, seen
            // once in a test): PostgreSQL rolled the attempt back, so it is run again, up to three times.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install((NpgsqlConnection)db.Database.GetDbConnection(), Jobs.PortalJobsExtensions.Schema);
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
