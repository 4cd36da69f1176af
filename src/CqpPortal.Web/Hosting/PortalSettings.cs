using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Hosting;

/// <summary>
/// The `Portal` section of the configuration (environment variables `Portal__Name`), bound and checked once: a
/// Production node with a missing or non-https public address refuses to start, naming the variable to set.
/// </summary>
public sealed class PortalSettings
{
    public const string Section = "Portal";

    /// <summary>The site's public root address (https, required in Production), for every absolute link; outside Production, <see cref="LocalRoot"/> when unset.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The root of absolute links when <see cref="PublicUrl"/> is unset outside Production: where `./portal run` serves.</summary>
    public const string LocalRoot = "http://127.0.0.1:5080";

    /// <summary>Seed the demonstration data at start-up (never in Production).</summary>
    public bool DemoData { get; set; }

    /// <summary>Apply migrations and seed the referential at start-up. False on web nodes of a deployment: `migrate` runs once per deploy with a role allowed to change the schema.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Addresses (IPs or CIDR networks, separated by commas or spaces) of the reverse proxies whose X-Forwarded-* headers are believed.</summary>
    public string TrustedProxies { get; set; } = "127.0.0.0/8, ::1";

    [Range(1, 1000)]
    public int DatabasePoolSize { get; set; } = 40;

    [Range(1, 100_000)]
    public int PrerequisiteChecksPerMinute { get; set; } = 60;

    /// <summary>Numbers one address may check on the public certificate verification page per minute (no enumeration).</summary>
    [Range(1, 100_000)]
    public int CertificateChecksPerMinute { get; set; } = 10;

    [Range(1, 100_000)]
    public int FormPostsPerMinute { get; set; } = 20;

    /// <summary>Failed sign-ins to one account from one address within 15 minutes before that address must wait (429).</summary>
    [Range(1, 100_000)]
    public int SignInFailuresPerAccountAndAddress { get; set; } = 5;

    /// <summary>Failed sign-ins from one address, whatever the accounts, within 15 minutes before it must wait (429).</summary>
    [Range(1, 100_000)]
    public int SignInFailuresPerAddress { get; set; } = 30;

    /// <summary>
    /// Staff, administrators, evaluators, jury members, SIST's analysts and the committee must sign in with a code from an
    /// authenticator app (Domain.Accounts.TwoFactorRequirement); until they set it up they can only reach
    /// /Compte/DoubleAuthentification. False by default, so that the demo accounts sign in with their password alone.
    /// </summary>
    public bool RequireTwoFactorForStaffRoles { get; set; }

    [Range(1, int.MaxValue)]
    public int DocumentMaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The folder of the Markdown pages; beside the binaries when unset.</summary>
    public string? ContentPath { get; set; }

    /// <summary>For code that runs before the container is built (connection pool, rate limits, seeding).</summary>
    public static PortalSettings From(IConfiguration configuration) => configuration.GetSection(Section).Get<PortalSettings>() ?? new PortalSettings();

    /// <summary>
    /// The site's root for absolute links (e-mails, robots.txt, sitemap.xml, PDFs' QR codes), without a trailing slash.
    /// Never the request's Host header: a forged Host would otherwise put an attacker's address in a password-reset e-mail.
    /// </summary>
    public string Root => string.IsNullOrWhiteSpace(PublicUrl) ? LocalRoot : PublicUrl.TrimEnd('/');

    /// <summary>An absolute link to a path of the site, from <see cref="Root"/>.</summary>
    public string PublicLink(string pathAndQuery) => Root + "/" + pathAndQuery.TrimStart('/');

    /// <summary>The trusted proxies as networks (a lone address is a /32 or /128); throws on an unreadable entry.</summary>
    public IReadOnlyList<IPNetwork> TrustedNetworks() =>
        TrustedProxies.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => TryParseNetwork(entry, out var network) ? network : throw new FormatException($"Portal__TrustedProxies: « {entry} » is neither an IP address nor a CIDR network."))
            .ToList();

    internal static bool TryParseNetwork(string entry, out IPNetwork network)
    {
        if (IPNetwork.TryParse(entry, out network)) return true;
        if (!IPAddress.TryParse(entry, out var address)) return false;
        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}

/// <summary>The checks annotations cannot express: the public address (https, required in Production) and the proxies list.</summary>
public sealed class PortalSettingsValidation(IHostEnvironment environment) : IValidateOptions<PortalSettings>
{
    public ValidateOptionsResult Validate(string? name, PortalSettings settings)
    {
        var failures = new List<string>();
        var url = settings.PublicUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            if (environment.IsProduction())
                failures.Add("Portal__PublicUrl must be set in Production to the site's public https address (e.g. https://cqp.example.fr): links in e-mails are made from it.");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            failures.Add($"Portal__PublicUrl « {url} » must be an absolute http(s) address of the site's root, without query or fragment.");
        }
        else if (environment.IsProduction() && uri.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"Portal__PublicUrl « {url} » must start with https:// in Production (TLS ends at the proxy; cookies are Secure).");
        }
        foreach (var entry in settings.TrustedProxies.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!PortalSettings.TryParseNetwork(entry, out _))
                failures.Add($"Portal__TrustedProxies: « {entry} » is neither an IP address nor a CIDR network (e.g. 10.0.0.0/8, 192.168.1.5).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
