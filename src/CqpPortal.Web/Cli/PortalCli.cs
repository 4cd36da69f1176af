using CqpPortal.Web.Backups;
using CqpPortal.Web.Certificates;
using CqpPortal.Web.Contacts;
using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Email;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Imports;
using CqpPortal.Web.Jobs;
using CqpPortal.Web.Reports;
using CqpPortal.Web.Reports.AnnualPack;
using CqpPortal.Web.Seeding;
using CqpPortal.Web.Vae;
using CqpPortal.Web.Statistics;
using Microsoft.Extensions.Logging.Console;

namespace CqpPortal.Web.Cli;

/// <summary>The app's command-line verbs, reached through `./portal VERB`.</summary>
public static class PortalCli
{
    private static readonly Dictionary<string, (string Help, Func<IHost, string[], Task<int>> Run)> Verbs = new()
    {
        ["migrate"] = ("apply the database migrations and seed the referential", Migrate),
        ["seed-demo"] = ("add the demonstration data (never in Production)", SeedDemo),
        ["worker"] = ("run the background jobs without the web site (Jobs:RunScheduler=false on the web nodes)", Worker),
        ["report"] = ("stats-json --year YYYY [--out file.json] [--certification CODE]: the year's anonymous statistics as JSON (stdout without --out)\n"
            + "           annual --year YYYY --out DIR [--certification CODE]: the annual pack, DIR/annual-YYYY.xlsx, .json, .pdf and -graphiques.zip\n"
            + "           three-years --to YYYY --out DIR [--certification CODE]: the years YYYY-2 to YYYY side by side for the CPNEFP (accord, article 5)\n"
            + "           (figures of one certification: CODE, by default the portal's first one)", Report),
        ["bench"] = ("import [--rows N]: time the import of 100,000 generated candidate lines against PostgreSQL COPY, in throwaway databases", Bench),
        ["backup"] = ("FILE: the database (every document included: they are kept in it) and a manifest, in one file", Backup),
        ["restore"] = ("FILE [--force]: a backup into an empty database (--force: replacing what it holds), then the migrations", Restore),
        ["retention"] = ("[--dry-run]: apply the privacy notice's retention periods now (the nightly job); --dry-run lists who would be erased and why, changing nothing", Retention),
        ["import"] = ("candidates FILE | surveys FILE: import a .csv or .xlsx in the template of its kind (all or nothing; exit 1 and the errors on a bad file)", Import),
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && (Verbs.ContainsKey(args[0]) || args[0] is "help" or "--help" or "has-database");

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] is "help" or "--help")
        {
            Console.WriteLine("Verbs: " + string.Join(Environment.NewLine + "       ", Verbs.Select(v => $"{v.Key,-10} {v.Value.Help}")));
            return 0;
        }
        // The same environment variable as the site (./portal sets ASPNETCORE_ENVIRONMENT), so "Production" means the same.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args[1..], ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"),
        });
        if (args[0] == "has-database")
        {
            // Used by `./portal`: a configured connection string replaces the private cluster.
            return builder.Configuration["CQP_DB"] is { Length: > 0 } || builder.Configuration.GetConnectionString(PortalDataExtensions.ConnectionName) is { Length: > 0 } ? 0 : 1;
        }
        // Logs go to stderr, so a verb's output on stdout (the JSON of `report`) can be redirected as it is.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // The benchmark works in a throwaway database of its own on the configured server, dropped at the end.
        string? benchServer = null, benchDatabase = null;
        if (args[0] == "bench")
        {
            benchServer = PortalDataExtensions.ConnectionString(builder.Configuration);
            benchDatabase = ImportBenchmark.DatabaseName("import");
            builder.Configuration["CQP_DB"] = await ImportBenchmark.CreateDatabaseAsync(benchServer, benchDatabase);
        }
        try
        {
            builder.AddPortalData();
            builder.Services.AddPortalUserStore();
            builder.AddPortalEmail();
            builder.AddPortalJobs(runScheduler: args[0] == "worker");
            builder.AddPortalSeeding();
            builder.Services.AddPortalCertificates(); // the demo holder's certificate is signed through SIST's own action
            builder.Services.AddPortalReports();
            builder.Services.AddPortalVaeBooklets(); // the demo's booklets are written through the candidate's own draft service
            builder.Services.AddPortalOrganisation(); // the identity block of the PDFs that reports and jobs write
            using var host = builder.Build();
            // `migrate` writes no document: a deploy may run it before the nodes' settings are complete; nor does a
            // `seed-demo` refused in Production.
            if (args[0] is not ("migrate" or "backup" or "restore") && !(args[0] == "seed-demo" && builder.Environment.IsProduction()))
            {
                try
                {
                    host.Services.UseOrganisationLetterhead();
                }
                catch (Microsoft.Extensions.Options.OptionsValidationException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return 1;
                }
            }
            return await Verbs[args[0]].Run(host, args[1..]);
        }
        finally
        {
            if (benchDatabase is not null) await ImportBenchmark.DropDatabaseAsync(benchServer!, benchDatabase);
        }
    }

    private static async Task<int> Migrate(IHost host, string[] args)
    {
        await host.Services.MigrateDatabaseAsync();
        host.Services.EnsureDataProtectionKey(); // the first key made once, before the nodes start
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
        await host.Services.PrepareDatabaseAsync(seed: false); // migrates unless Portal:MigrateOnStart=false
        await host.RunAsync();
        return 0;
    }

    /// <summary>`./portal retention [--dry-run]`: one line per person (candidate id, end of the period, why), then the survey answers reduced.</summary>
    private static async Task<int> Retention(IHost host, string[] args)
    {
        if (args.Any(a => a != "--dry-run"))
        {
            Console.Error.WriteLine("Usage: retention [--dry-run]");
            return 2;
        }
        var dryRun = args.Contains("--dry-run");
        await using var scope = host.Services.CreateAsyncScope();
        var sweep = scope.ServiceProvider.GetRequiredService<Privacy.RetentionSweep>();
        var report = dryRun ? await sweep.ListAsync() : await sweep.RunAsync();
        Console.WriteLine(dryRun ? $"Dry run: {report.People.Count} people would be erased (nothing changed)." : $"{report.People.Count} people erased.");
        foreach (var item in report.People)
            Console.WriteLine($"candidate {item.CandidateId}\t{item.DueOn:yyyy-MM-dd}\t{item.Reason}");
        Console.WriteLine($"Survey answers reduced to their coded answers{(dryRun ? " (would be)" : "")}: {report.SurveyIds.Count}");
        return 0;
    }

    private const string ReportUsage = "Usage: report stats-json --year YYYY [--out file.json] [--certification CODE]\n"
        + "       report annual --year YYYY --out DIR [--certification CODE]\n       report three-years --to YYYY --out DIR [--certification CODE]";

    private static async Task<int> Report(IHost host, string[] args)
    {
        var yearOption = args.Length > 0 && args[0] == "three-years" ? "to" : "year";
        if (args.Length == 0 || args[0] is not ("stats-json" or "annual" or "three-years") || !TryReadOptions(args[1..], out var options)
            || !options.TryGetValue(yearOption, out var yearText) || !int.TryParse(yearText, out var year)
            || options.Keys.Any(k => k != yearOption && k is not ("out" or "certification"))
            || (args[0] is "annual" or "three-years" && !options.ContainsKey("out")))
        {
            Console.Error.WriteLine(ReportUsage);
            return 2;
        }
        if (!AnnualStatistics.IsValidYear(year) || (args[0] == "three-years" && !AnnualStatistics.IsValidYear(year - 2)))
        {
            Console.Error.WriteLine($"The year must be between {AnnualStatistics.FirstYear} and {AnnualStatistics.LastYear}.");
            return 2;
        }
        await host.Services.MigrateDatabaseAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var certification = await scope.ServiceProvider.GetRequiredService<StatisticsCertifications>().FindAsync(options.GetValueOrDefault("certification"));
        if (certification is null && options.ContainsKey("certification"))
        {
            Console.Error.WriteLine($"Unknown certification code: {options["certification"]}.");
            return 2;
        }
        if (args[0] == "three-years")
        {
            Directory.CreateDirectory(options["out"]);
            var path = Path.GetFullPath(Path.Combine(options["out"], Reports.ThreeYears.ThreeYearWorkbook.FileName(year)));
            await using (var output = File.Create(path))
                await scope.ServiceProvider.GetRequiredService<Reports.ThreeYears.ThreeYearWorkbook>().WriteAsync(year, certification?.Id, output);
            Console.WriteLine(path);
            Console.Error.WriteLine($"Three years {year - 2}-{year} written to {path}.");
            return 0;
        }
        if (args[0] == "annual")
        {
            var files = await scope.ServiceProvider.GetRequiredService<AnnualPackWriter>().WriteAsync(year, options["out"], certificationId: certification?.Id);
            Console.WriteLine(files.Workbook);
            Console.WriteLine(files.Json);
            Console.WriteLine(files.Pdf);
            Console.WriteLine(files.Charts);
            Console.Error.WriteLine($"Annual pack {year} written to {Path.GetDirectoryName(files.Workbook)}.");
            return 0;
        }
        var statistics = await ActivatorUtilities.CreateInstance<StatisticsLoader>(scope.ServiceProvider).ForYearAsync(year, certification?.Id);
        var json = StatisticsJson.Serialize(statistics, certification);
        if (!options.TryGetValue("out", out var outPath))
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(json);
            await stdout.WriteAsync("\n"u8.ToArray());
            return 0;
        }
        // Written beside the target then moved into place: a reader never sees half a file.
        var target = Path.GetFullPath(outPath);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, json);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        Console.Error.WriteLine($"Statistics {year} written to {target}.");
        return 0;
    }

    private static async Task<int> Bench(IHost host, string[] args)
    {
        var rows = ImportBenchmark.DefaultRows;
        if (args.Length == 0 || args[0] != "import" || !TryReadOptions(args[1..], out var options) || options.Keys.Any(k => k != "rows")
            || (options.TryGetValue("rows", out var text) && (!int.TryParse(text, out rows) || rows < 1)))
        {
            Console.Error.WriteLine("Usage: bench import [--rows N]");
            return 2;
        }
        await host.Services.MigrateDatabaseAsync();
        await host.Services.SeedAsync(host.Services.GetRequiredService<IConfiguration>(), host.Services.GetRequiredService<IHostEnvironment>(), demo: false);
        var connectionString = PortalDataExtensions.ConnectionString(host.Services.GetRequiredService<IConfiguration>());
        return await ImportBenchmark.RunAsync(host.Services, connectionString, rows, Console.Out);
    }

    private const string ImportUsage = "Usage: import candidates FILE | import surveys FILE (.csv with semicolons or .xlsx)";

    private static async Task<int> Import(IHost host, string[] args)
    {
        ImportKind? kind = args.Length == 2 ? args[0] switch { "candidates" => ImportKind.Candidates, "surveys" => ImportKind.Surveys, _ => null } : null;
        if (kind is null)
        {
            Console.Error.WriteLine(ImportUsage);
            return 2;
        }
        if (!File.Exists(args[1]))
        {
            Console.Error.WriteLine($"File not found: {args[1]}");
            return 2;
        }
        // The referential (certification and units) must be there for the lines' units: as `migrate` does.
        await host.Services.MigrateDatabaseAsync();
        await host.Services.SeedAsync(host.Services.GetRequiredService<IConfiguration>(), host.Services.GetRequiredService<IHostEnvironment>(), demo: false);
        await using var scope = host.Services.CreateAsyncScope();
        var imports = ActivatorUtilities.CreateInstance<RecordImports>(scope.ServiceProvider);
        ImportSummary summary;
        await using (var file = File.OpenRead(args[1]))
            summary = await imports.RunAsync(kind.Value, file, args[1], byUserId: null);
        // The messages are the staff page's, in French.
        foreach (var warning in summary.Warnings) Console.Error.WriteLine("Avertissement : " + warning);
        foreach (var error in summary.Errors) Console.Error.WriteLine("Erreur : " + error);
        (summary.Succeeded ? Console.Out : Console.Error).WriteLine(summary.Describe());
        return summary.Succeeded ? 0 : 1;
    }

    private static async Task<int> Backup(IHost host, string[] args)
    {
        if (args.Length != 1 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("Usage: backup FILE");
            return 2;
        }
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            var manifest = await ActivatorUtilities.CreateInstance<PortalBackup>(scope.ServiceProvider).WriteAsync(args[0]);
            Console.WriteLine(Path.GetFullPath(args[0]));
            Console.Error.WriteLine($"Backup written: {manifest.Rows.Count} tables, {manifest.Rows.Values.Sum()} rows, "
                + $"{manifest.Documents.Sum(d => d.Count)} documents ({manifest.Documents.Sum(d => d.Bytes) / 1024} KB), schema {manifest.SchemaVersion ?? "none"}.");
            return 0;
        }
        catch (BackupException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static async Task<int> Restore(IHost host, string[] args)
    {
        var force = args.Contains("--force");
        var files = args.Where(a => a != "--force").ToList();
        if (files.Count != 1 || files[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("Usage: restore FILE [--force]");
            return 2;
        }
        RestoreOutcome outcome;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            try
            {
                outcome = await ActivatorUtilities.CreateInstance<PortalBackup>(scope.ServiceProvider).RestoreAsync(files[0], force);
            }
            catch (BackupException e)
            {
                outcome = new RestoreOutcome(false, e.Message);
            }
        }
        if (!outcome.Succeeded)
        {
            Console.Error.WriteLine(outcome.Message);
            return 1;
        }
        Console.WriteLine(outcome.Message);
        await host.Services.MigrateDatabaseAsync(); // a backup of an older version comes up to this one
        Console.WriteLine("Database up to date.");
        return 0;
    }

    /// <summary>`--name value` or `--name=value` pairs; false on anything else.</summary>
    private static bool TryReadOptions(string[] args, out Dictionary<string, string> options)
    {
        options = [];
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return false;
            var name = args[i][2..];
            string value;
            if (name.IndexOf('=') is var equals and > 0) (name, value) = (name[..equals], name[(equals + 1)..]);
            else if (i + 1 < args.Length) value = args[++i];
            else return false;
            if (!options.TryAdd(name, value)) return false;
        }
        return true;
    }
}
