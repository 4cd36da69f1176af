using CqpPortal.Web.Hosting;
using CqpPortal.Web.Jobs;
using CqpPortal.Web.Seeding;

namespace CqpPortal.Web.Cli;

/// <summary>The app's command-line verbs, reached through `./portal VERB`.</summary>
public static class PortalCli
{
    private static readonly Dictionary<string, (string Help, Func<IHost, string[], Task<int>> Run)> Verbs = new()
    {
        ["migrate"] = ("apply the database migrations and seed the referential", Migrate),
        ["seed-demo"] = ("add the demonstration data (never in Production)", SeedDemo),
        ["worker"] = ("run the background jobs without the web site (Jobs:RunScheduler=false on the web nodes)", Worker),
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && (Verbs.ContainsKey(args[0]) || args[0] is "help" or "--help" or "has-database");

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] is "help" or "--help")
        {
            Console.WriteLine("Verbs: " + string.Join(Environment.NewLine + "       ", Verbs.Select(v => $"{v.Key,-10} {v.Value.Help}")));
            return 0;
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args[1..], ContentRootPath = AppContext.BaseDirectory });
        if (args[0] == "has-database")
        {
            // Used by `./portal`: a configured connection string replaces the private cluster.
            return builder.Configuration["CQP_DB"] is { Length: > 0 } || builder.Configuration.GetConnectionString(PortalDataExtensions.ConnectionName) is { Length: > 0 } ? 0 : 1;
        }
        builder.AddPortalData();
        builder.AddPortalEmail();
        builder.AddPortalJobs(runScheduler: args[0] == "worker");
        builder.AddPortalSeeding();
        using var host = builder.Build();
        return await Verbs[args[0]].Run(host, args[1..]);
    }

    private static async Task<int> Migrate(IHost host, string[] args)
    {
        await host.Services.MigrateDatabaseAsync();
        await host.Services.SeedAsync(host.Services.GetRequiredService<IConfiguration>(), host.Services.GetRequiredService<IHostEnvironment>(), demo: false);
        Console.WriteLine("Database up to date.");
        return 0;
    }

    private static async Task<int> SeedDemo(IHost host, string[] args)
    {
        var environment = host.Services.GetRequiredService<IHostEnvironment>();
        if (environment.IsProduction())
        {
            Console.Error.WriteLine("Demo data is never seeded in Production.");
            return 1;
        }
        await host.Services.MigrateDatabaseAsync();
        await host.Services.SeedAsync(host.Services.GetRequiredService<IConfiguration>(), environment, demo: true);
        return 0;
    }

    private static async Task<int> Worker(IHost host, string[] args)
    {
        await host.Services.MigrateDatabaseAsync();
        await host.RunAsync();
        return 0;
    }
}
