using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Accounts;

/// <summary>Two-factor authentication with an authenticator app, optional (the demo portal's default setting).</summary>
[Collection(PortalCollection.Name)]
public class TwoFactorTests(DemoPortal portal)
{
    [Fact]
    public async Task Enabling_with_a_code_from_the_key_shows_ten_recovery_codes_once_and_the_sign_in_then_asks_the_code()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var (_, state) = await client.GetAsync("/Compte/DoubleAuthentification");
        Assert.Contains("La double authentification n'est pas activée", state.Body!.TextContent);

        var (_, setup) = await client.GetAsync("/Compte/DoubleAuthentification/Activer");
        var key = setup.QuerySelector("code.authenticator-key")!.TextContent;
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        Assert.NotNull(setup.QuerySelector(".qr-code svg path"));

        var wrong = await client.SubmitAsync("/Compte/DoubleAuthentification/Activer", new Dictionary<string, string> { ["Input.Code"] = Totp.Wrong(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var refused = await PortalClient.ParseAsync(wrong);
        Assert.Contains("Ce code ne correspond pas à la clé", refused.Body!.TextContent);
        Assert.Equal(key, refused.QuerySelector("code.authenticator-key")!.TextContent); // the same key, not a new one

        var enabled = await client.SubmitAsync("/Compte/DoubleAuthentification/Activer", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.True(PortalClient.IsRedirectTo(enabled, "/Compte/DoubleAuthentification/CodesDeSecours"), $"{enabled.StatusCode} {enabled.Headers.Location}");
        var (_, codes) = await client.GetAsync("/Compte/DoubleAuthentification/CodesDeSecours");
        Assert.Contains("Copiez-les ou imprimez-les", codes.Body!.TextContent);
        Assert.Equal(10, codes.QuerySelectorAll("ul.recovery-codes code").Length);
        var again = await client.Http.GetAsync("/Compte/DoubleAuthentification/CodesDeSecours");
        Assert.True(PortalClient.IsRedirectTo(again, "/Compte/DoubleAuthentification"), "the codes are shown once");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Staff")).StatusCode); // the session goes on

        await client.LogoutAsync();
        var password = await client.LoginAsync(client.Email!, TestAccounts.Password);
        Assert.True(PortalClient.IsRedirectTo(password, "/Compte/Connexion/Code"), $"{password.StatusCode} {password.Headers.Location}");
        Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync("/Staff"), "/Compte/Connexion"), "the password alone opens nothing");

        var bad = await client.SubmitAsync("/Compte/Connexion/Code", new Dictionary<string, string> { ["Input.Code"] = Totp.Wrong(key) });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Ce code ne convient pas", (await PortalClient.ParseAsync(bad)).Body!.TextContent);

        var good = await client.SubmitAsync("/Compte/Connexion/Code", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.True(PortalClient.IsRedirectTo(good, "/Staff"), $"{good.StatusCode} {good.Headers.Location}");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Staff")).StatusCode);
    }

    [Fact]
    public async Task The_code_page_offers_no_remember_this_device_and_keeps_a_local_return_address_only()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Evaluator);
        var (key, _) = await TwoFactorPages.EnableAsync(client);
        await client.LogoutAsync();

        var password = await client.SubmitAsync("/Compte/Connexion?ReturnUrl=%2FEvaluation%3Fx%3D1",
            new Dictionary<string, string> { ["Input.Email"] = client.Email!, ["Input.Password"] = TestAccounts.Password });
        Assert.True(PortalClient.IsRedirectTo(password, "/Compte/Connexion/Code"));
        var codeUrl = password.Headers.Location!.OriginalString;
        var (_, page) = await client.GetAsync(codeUrl);
        Assert.DoesNotContain("appareil", page.QuerySelector("form")!.TextContent);
        Assert.Null(page.QuerySelector("input[type=checkbox]"));
        var signedIn = await client.SubmitAsync(codeUrl, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.True(PortalClient.IsRedirectTo(signedIn, "/Evaluation?x=1"), $"{signedIn.Headers.Location}");

        await client.LogoutAsync();
        await client.LoginAsync(client.Email!, TestAccounts.Password);
        var away = await client.SubmitAsync("/Compte/Connexion/Code?ReturnUrl=https%3A%2F%2Fattacker.example%2F", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.True(PortalClient.IsRedirectTo(away, "/Evaluation"), $"{away.Headers.Location}");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.JuryMember);
        var (_, codes) = await TwoFactorPages.EnableAsync(client);
        await client.LogoutAsync();

        await client.LoginAsync(client.Email!, TestAccounts.Password);
        var (_, codePage) = await client.GetAsync("/Compte/Connexion/Code");
        Assert.NotNull(codePage.QuerySelector("a[href^='/Compte/Connexion/CodeDeSecours']"));
        var used = await client.SubmitAsync("/Compte/Connexion/CodeDeSecours", new Dictionary<string, string> { ["Input.Code"] = " " + codes[3] + " " });
        Assert.True(PortalClient.IsRedirectTo(used, "/Jury"), $"{used.StatusCode} {used.Headers.Location}");
        var (_, state) = await client.GetAsync("/Compte/DoubleAuthentification");
        Assert.Contains("Il vous reste 9 codes de secours", state.Body!.TextContent);

        await client.LogoutAsync();
        await client.LoginAsync(client.Email!, TestAccounts.Password);
        var reused = await client.SubmitAsync("/Compte/Connexion/CodeDeSecours", new Dictionary<string, string> { ["Input.Code"] = codes[3] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("déjà servi", (await PortalClient.ParseAsync(reused)).Body!.TextContent);
        Assert.True(PortalClient.IsRedirectTo(
            await client.SubmitAsync("/Compte/Connexion/CodeDeSecours", new Dictionary<string, string> { ["Input.Code"] = codes[4].Replace("-", "").ToLowerInvariant() }), "/Jury"), "case and dash do not matter");
    }

    [Fact]
    public async Task Five_wrong_codes_make_that_address_wait_with_a_french_429_but_never_lock_the_account()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);
        var (key, _) = await TwoFactorPages.EnableAsync(client);
        await client.LogoutAsync();
        await client.LoginAsync(client.Email!, TestAccounts.Password);

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/Compte/Connexion/Code", new Dictionary<string, string> { ["Input.Code"] = Totp.Wrong(key) })).StatusCode);
        var held = await client.SubmitAsync("/Compte/Connexion/Code", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        // Starting again from the password does not wipe the count: the password step waits too.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.LoginAsync(client.Email!, TestAccounts.Password)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.InRange(int.Parse(held.Headers.GetValues("Retry-After").Single()), 60, 15 * 60);
        Assert.Contains("Trop d'essais infructueux : réessayez dans", (await PortalClient.ParseAsync(held)).Body!.TextContent);
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(client.Email!))!;
        Assert.False(await users.IsLockedOutAsync(user));
        Assert.Equal(0, await users.GetAccessFailedCountAsync(user));
    }

    [Fact]
    public async Task Disabling_needs_a_current_code()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var (key, _) = await TwoFactorPages.EnableAsync(client);

        var wrong = await client.SubmitAsync("/Compte/DoubleAuthentification/Desactiver", new Dictionary<string, string> { ["Input.Code"] = Totp.Wrong(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Ce code ne convient pas", (await PortalClient.ParseAsync(wrong)).Body!.TextContent);
        var empty = await client.SubmitAsync("/Compte/DoubleAuthentification/Desactiver", new Dictionary<string, string> { ["Input.Code"] = "" });
        Assert.Contains("Saisissez le code affiché par votre application", (await PortalClient.ParseAsync(empty)).Body!.TextContent);
        var (_, still) = await client.GetAsync("/Compte/DoubleAuthentification");
        Assert.Contains("La double authentification est activée", still.Body!.TextContent);

        var disabled = await client.SubmitAsync("/Compte/DoubleAuthentification/Desactiver", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.True(PortalClient.IsRedirectTo(disabled, "/Compte/DoubleAuthentification"), $"{disabled.StatusCode} {disabled.Headers.Location}");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Staff")).StatusCode); // this session goes on

        await client.LogoutAsync();
        Assert.True(PortalClient.IsRedirectTo(await client.LoginAsync(client.Email!, TestAccounts.Password), "/Staff"));
    }

    [Fact]
    public async Task The_setup_pages_need_a_sign_in()
    {
        using var anonymous = PortalClient.For(portal);
        foreach (var page in new[] { "/Compte/DoubleAuthentification", "/Compte/DoubleAuthentification/Activer", "/Compte/DoubleAuthentification/Desactiver", "/Compte/DoubleAuthentification/CodesDeSecours" })
            Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync(page), "/Compte/Connexion"), page);
        // Without a right password first, the code pages send back to the sign-in.
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync("/Compte/Connexion/Code"), "/Compte/Connexion"));
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync("/Compte/Connexion/CodeDeSecours"), "/Compte/Connexion"));
    }

    [Fact]
    public void Only_candidates_and_company_managers_are_never_forced()
    {
        var forced = Roles.All.Where(role => Domain.Accounts.TwoFactorRequirement.HasStaffRole([role])).ToList();
        Assert.Equal([Roles.Staff, Roles.Evaluator, Roles.JuryMember, Roles.SistAnalyst, Roles.Committee, Roles.Administrator], forced);
    }
}

/// <summary>The portal with <c>Portal:RequireTwoFactorForStaffRoles</c> on.</summary>
public sealed class RequiredTwoFactorPortal() : PortalFactory(TestCluster.NewDatabase("totp"), demoData: false,
    new Dictionary<string, string?> { ["Portal:RequireTwoFactorForStaffRoles"] = "true" });

public class TwoFactorRequiredTests(RequiredTwoFactorPortal portal) : IClassFixture<RequiredTwoFactorPortal>
{
    [Fact]
    public async Task A_staff_member_without_a_second_factor_must_set_it_up_before_reaching_staff_pages()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        var toSetup = await client.Http.GetAsync("/Staff");
        Assert.True(PortalClient.IsRedirectTo(toSetup, "/Compte/DoubleAuthentification?ReturnUrl=%2FStaff"), $"{toSetup.StatusCode} {toSetup.Headers.Location}");
        Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync("/Staff/Taches"), "/Compte/DoubleAuthentification"), "the jobs dashboard too");
        Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync("/Analyse/Rapports"), "/Compte/DoubleAuthentification"));
        var json = new HttpRequestMessage(HttpMethod.Get, "/Staff");
        json.Headers.Accept.ParseAdd("application/json");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.SendAsync(json)).StatusCode);
        var (_, setup) = await client.GetAsync("/Compte/DoubleAuthentification?ReturnUrl=%2FStaff");
        Assert.Contains("L'organisme demande la double authentification pour votre rôle", setup.Body!.TextContent);

        var (_, codes) = await TwoFactorPages.EnableAsync(client, returnUrl: "/Staff");
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Staff")).StatusCode);
    }

    [Fact]
    public async Task A_candidate_is_not_forced()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Candidat")).StatusCode);
    }

    [Fact]
    public async Task While_it_is_required_a_staff_member_cannot_turn_it_off_but_can_move_to_a_new_phone()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Committee);
        var (key, codes) = await TwoFactorPages.EnableAsync(client);
        var (_, state) = await client.GetAsync("/Compte/DoubleAuthentification");
        Assert.Null(state.QuerySelector("a[href='/Compte/DoubleAuthentification/Desactiver']"));
        var refused = await client.SubmitAsync("/Compte/DoubleAuthentification/Desactiver", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.True(PortalClient.IsRedirectTo(refused, "/Compte/AccesRefuse"), $"{refused.StatusCode} {refused.Headers.Location}");

        var moved = await client.SubmitAsync("/Compte/DoubleAuthentification/Desactiver?NewPhone=true", new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        Assert.True(PortalClient.IsRedirectTo(moved, "/Compte/DoubleAuthentification/Activer"), $"{moved.StatusCode} {moved.Headers.Location}");
        var (newKey, _) = await TwoFactorPages.EnableAsync(client);
        Assert.NotEqual(key, newKey);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Analyse")).StatusCode);
    }
}
