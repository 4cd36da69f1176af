using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CqpPortal.DesignTime;

/// <summary>Lets `dotnet ef` build the model without a database or the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CqpDbContext>
{
    public CqpDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<CqpDbContext>()
        .UseNpgsql("Host=127.0.0.1;Database=design_time_only", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .Options);
}
