using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace CqpPortal.Testing;

/// <summary>
/// The real app (Program) over a real PostgreSQL database of its own on the test cluster, with demo data by default,
/// e-mails written to a folder of its own. It runs no Hangfire server unless the settings ask for one
/// (Jobs:RunScheduler=true): jobs are enqueued and stored, and tests call the services behind them directly.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public PortalFactory(string connectionString, bool demoData, IDictionary<string, string?>? settings = null)
    {
        ConnectionString = connectionString;
        DemoData = demoData;
        MailFolder = Directory.CreateTempSubdirectory("cqp-mail-").FullName;
        Settings = settings ?? new Dictionary<string, string?>();
    }

    public string ConnectionString { get; }
    public bool DemoData { get; }
    public string MailFolder { get; }
    public IDictionary<string, string?> Settings { get; }
    public MailFolder Mail => new(MailFolder);

    /// <summary>
    /// The organisation's identity every test portal starts with (it has no default: Production requires it, and
    /// ./portal run takes it from appsettings.Development.json); a test's own settings override it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Organisation = new Dictionary<string, string>
    {
        ["Organisation:Name"] = "Organisme de formation du CQP",
        ["Organisation:Siret"] = "812 345 678 00013",
        ["Organisation:ActivityDeclaration"] = "11 75 99999 75",
        ["Organisation:Website"] = "https://www.cqp-telesecretaire.fr",
        ["Organisation:SignatoryName"] = "Claire Lemoine",
        ["Organisation:SignatoryRole"] = "Responsable de la certification",
        ["Organisation:PublicationDirector"] = "Bernard Lefèvre, directeur de l'organisme de formation",
        ["Organisation:HostName"] = "Hébergeur Exemple SAS",
        ["Organisation:HostAddress"] = "1 avenue de l'Hébergement | 59100 Roubaix",
        ["Organisation:HostPhone"] = "03 20 00 00 00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the static assets' runtime manifest is not read by itself: without it the compressed
        // variants (obj/…/compressed) are not found and browsers got empty stylesheets and scripts.
        builder.UseStaticWebAssets();
        // WebApplication reads configuration before ConfigureAppConfiguration runs: settings go in as host settings.
        builder.UseSetting("CQP_DB", ConnectionString);
        builder.UseSetting("Portal:DemoData", DemoData ? "true" : "false");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Jobs:RunScheduler", "false");
        foreach (var (key, value) in Organisation) builder.UseSetting(key, value);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>
    /// The container checks lifetimes as Development does (`./portal run`): a singleton that takes a scoped service fails
    /// every test at start, not only the demo site.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        return base.CreateHost(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(MailFolder)) Directory.Delete(MailFolder, recursive: true);
    }
}

/// <summary>
/// The portal with the demonstration data, on a fresh database: the shared fixture of most tests. Its visitors all post
/// from one address, so the per-address limits on form posts and failed sign-ins are raised: the limit has its own tests and portal.
/// The demo staff account reads many files across the tests, so the read-rate alert is raised too (it has its own portal).
/// </summary>
public sealed class DemoPortal() : PortalFactory(TestCluster.NewDatabase("portal"), demoData: true,
    new Dictionary<string, string?> { ["Portal:FormPostsPerMinute"] = "1000", ["Portal:SignInFailuresPerAddress"] = "1000", ["Audit:ReadAlertThreshold"] = "100000" });
