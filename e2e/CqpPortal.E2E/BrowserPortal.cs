using System.Collections.Concurrent;
using CqpPortal.Testing;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

/// <summary>
/// The portal served by Kestrel on a free port with demo data, and one headless Debian Chromium. Each role signs in
/// once through the login form; its saved state (cookies) is reused by the tests of that role.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    // The demo portal with its own Hangfire server: the report runs started in the browser must finish.
    private readonly PortalFactory factory = new(TestCluster.NewDatabase("portal"), demoData: true, new Dictionary<string, string?> { ["Jobs:RunScheduler"] = "true" });
    private readonly ConcurrentDictionary<string, Task<string>> signedIn = new();
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public MailFolder Mail => factory.Mail;
    public IServiceProvider Services => factory.Services;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        BaseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public Task<IBrowserContext> NewVisitorAsync() => Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "fr-FR", TimezoneId = "Europe/Paris" });

    /// <summary>A browser context already signed in as <paramref name="email"/> (signs in through the form the first time).</summary>
    public async Task<IBrowserContext> SignedInAsync(string email)
    {
        var statePath = await signedIn.GetOrAdd(email, SignInOnceAsync);
        return await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "fr-FR", TimezoneId = "Europe/Paris", StorageStatePath = statePath });
    }

    private async Task<string> SignInOnceAsync(string email)
    {
        await using var context = await NewVisitorAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Compte/Connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(PortalClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Compte/Connexion"));
        var path = Path.Combine(Path.GetTempPath(), $"cqp-e2e-state-{Guid.NewGuid():N}.json");
        await context.StorageStateAsync(new BrowserContextStorageStateOptions { Path = path });
        return path;
    }

    public async Task DisposeAsync()
    {
        foreach (var state in signedIn.Values.Where(t => t.IsCompletedSuccessfully)) File.Delete(state.Result);
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "browser";
}
