using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CqpPortal.Web.Tests.Accounts;

/// <summary>The portal on a database of its own whose clock (the authenticator codes' too) is a <see cref="FakeTimeProvider"/>.</summary>
public sealed class TwoFactorClockPortal() : ClockPortal(TestCluster.NewDatabase("totp_replay"), demoData: false,
    new Dictionary<string, string?> { ["Portal:FormPostsPerMinute"] = "1000" }, DateTimeOffset.UtcNow);

/// <summary>An authenticator code signs in once: the same code within its ±75 s window is refused (issue 16).</summary>
public class TwoFactorReplayTests(TwoFactorClockPortal portal) : IClassFixture<TwoFactorClockPortal>
{
    private static Task<HttpResponseMessage> SendCodeAsync(PortalClient client, string code) =>
        client.SubmitAsync("/Compte/Connexion/Code", new Dictionary<string, string> { ["Input.Code"] = code });

    [Fact]
    public async Task A_code_used_to_sign_in_cannot_sign_in_again_within_its_window_and_the_next_code_can()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var (_, setup) = await client.GetAsync("/Compte/DoubleAuthentification/Activer");
        var key = setup.QuerySelector("code.authenticator-key")!.TextContent;
        var enabled = await client.SubmitAsync("/Compte/DoubleAuthentification/Activer", new Dictionary<string, string> { ["Input.Code"] = Totp.CodeAt(key, portal.Clock.GetUtcNow()) });
        Assert.True(PortalClient.IsRedirectTo(enabled, "/Compte/DoubleAuthentification/CodesDeSecours"), $"{enabled.StatusCode} {enabled.Headers.Location}");

        // The code that turned it on was used: 40 s later (same window), it does not sign in.
        portal.Clock.Advance(TimeSpan.FromSeconds(40));
        var usedForSetup = Totp.CodeAt(key, portal.Clock.GetUtcNow().AddSeconds(-40));
        await client.LogoutAsync();
        await client.LoginAsync(client.Email!, TestAccounts.Password);
        var replayed = await SendCodeAsync(client, usedForSetup);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("Ce code ne convient pas", (await PortalClient.ParseAsync(replayed)).Body!.TextContent);

        var code = Totp.CodeAt(key, portal.Clock.GetUtcNow());
        Assert.NotEqual(usedForSetup, code);
        Assert.True(PortalClient.IsRedirectTo(await SendCodeAsync(client, code), "/Staff"));

        // Seen over a shoulder: the same code, 20 s later, from another browser that knows the password.
        portal.Clock.Advance(TimeSpan.FromSeconds(20));
        using var other = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await other.LoginAsync(client.Email!, TestAccounts.Password), "/Compte/Connexion/Code"));
        var stolen = await SendCodeAsync(other, code);
        Assert.Equal(HttpStatusCode.OK, stolen.StatusCode);
        Assert.Contains("Ce code ne convient pas", (await PortalClient.ParseAsync(stolen)).Body!.TextContent);
        Assert.True(PortalClient.IsRedirectTo(await other.Http.GetAsync("/Staff"), "/Compte/Connexion"), "the replayed code opens nothing");

        // Nor can it turn the second factor off in the first browser.
        var disable = await client.SubmitAsync("/Compte/DoubleAuthentification/Desactiver", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Contains("Ce code ne convient pas", (await PortalClient.ParseAsync(disable)).Body!.TextContent);

        // The app's next code works.
        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        var next = Totp.CodeAt(key, portal.Clock.GetUtcNow());
        Assert.True(PortalClient.IsRedirectTo(await SendCodeAsync(other, next), "/Staff"));
    }

    [Fact]
    public async Task Two_browsers_sending_the_same_code_at_once_get_one_sign_in()
    {
        using var setupClient = await TestAccounts.SignedInAsync(portal, Roles.Evaluator);
        var (_, setup) = await setupClient.GetAsync("/Compte/DoubleAuthentification/Activer");
        var key = setup.QuerySelector("code.authenticator-key")!.TextContent;
        Assert.True(PortalClient.IsRedirectTo(await setupClient.SubmitAsync("/Compte/DoubleAuthentification/Activer",
            new Dictionary<string, string> { ["Input.Code"] = Totp.CodeAt(key, portal.Clock.GetUtcNow()) }), "/Compte/DoubleAuthentification/CodesDeSecours"));
        portal.Clock.Advance(TimeSpan.FromSeconds(30));

        var browsers = new List<PortalClient>();
        for (var i = 0; i < 4; i++)
        {
            var browser = PortalClient.For(portal);
            await browser.LoginAsync(setupClient.Email!, TestAccounts.Password);
            browsers.Add(browser);
        }
        var code = Totp.CodeAt(key, portal.Clock.GetUtcNow());
        var answers = await Task.WhenAll(browsers.Select(b => SendCodeAsync(b, code)));
        Assert.Equal(1, answers.Count(a => PortalClient.IsRedirectTo(a, "/Evaluation")));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        foreach (var browser in browsers) browser.Dispose();
    }
}
