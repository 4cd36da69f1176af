using System.Net;
using AngleSharp.Html.Dom;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CqpPortal.Web.Tests.Accounts;

/// <summary>
/// The portal on a database of its own whose clock (the container's <see cref="TimeProvider"/>: the session store, the
/// cookie, the security stamp check) is a <see cref="FakeTimeProvider"/> the tests move forward instead of sleeping.
/// </summary>
public sealed class SessionPortal() : ClockPortal(TestCluster.NewDatabase("sessions"), demoData: false,
    new Dictionary<string, string?> { ["Portal:FormPostsPerMinute"] = "1000", ["Portal:SignInFailuresPerAddress"] = "1000" }, DateTimeOffset.UtcNow);

/// <summary>
/// Sessions kept on the server (issue 16): sign-out revokes them, a password change or reset ends the other sessions at
/// once, « Mes sessions » ends one or all others and never someone else's, and staff-like roles are signed out after
/// 30 minutes idle and 12 hours at most while candidates keep 8 hours sliding.
/// </summary>
public class UserSessionTests(SessionPortal portal) : IClassFixture<SessionPortal>
{
    private const string NewPassword = "Une-phrase-bien-longue-2026";

    /// <summary>A second browser of the same user.</summary>
    private async Task<PortalClient> AlsoSignedInAsync(string email)
    {
        portal.Clock.Advance(TimeSpan.FromSeconds(1)); // sessions opened one after the other
        var client = PortalClient.For(portal);
        await client.LoginAsync(email, TestAccounts.Password);
        client.Email = email;
        return client;
    }

    private static async Task<bool> IsSignedInAsync(HttpClient http)
    {
        var response = await http.GetAsync("/Compte/Sessions");
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.True(PortalClient.IsRedirectTo(response, "/Compte/Connexion"), $"{response.StatusCode} {response.Headers.Location}");
        return false;
    }

    private static Task<bool> IsSignedInAsync(PortalClient client) => IsSignedInAsync(client.Http);

    private async Task<List<UserSession>> SessionsOfAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync();
    }

    private Task<HttpResponseMessage> ChangePasswordAsync(PortalClient client, string current, string next, string? confirm = null) =>
        client.SubmitAsync("/Compte/MotDePasse", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = confirm ?? next,
        });

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_opens_nothing()
    {
        var email = await TestAccounts.CreateAsync(portal, Roles.Candidate);
        using var browser = PortalClient.For(portal);
        var login = await browser.LoginAsync(email, TestAccounts.Password);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cqp.auth=", StringComparison.Ordinal)).Split(';')[0];
        using var replay = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.True(await IsSignedInAsync(replay));

        await browser.LogoutAsync();

        Assert.False(await IsSignedInAsync(replay));
        Assert.False(await IsSignedInAsync(browser));
        Assert.NotNull(Assert.Single(await SessionsOfAsync(email)).RevokedAt);
    }

    [Fact]
    public async Task A_session_stores_only_a_hash_of_the_cookies_key_and_a_protected_ticket()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        var session = Assert.Single(await SessionsOfAsync(client.Email!));
        Assert.Equal(32, session.KeyHash.Length);
        Assert.DoesNotContain(client.Email!, System.Text.Encoding.UTF8.GetString(session.Ticket), StringComparison.OrdinalIgnoreCase);
        Assert.Null(session.RevokedAt);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_at_once_keeps_this_one_and_tells_the_owner_by_e_mail()
    {
        using var here = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        using var elsewhere = await AlsoSignedInAsync(here.Email!);
        Assert.True(await IsSignedInAsync(elsewhere));

        var changed = await ChangePasswordAsync(here, TestAccounts.Password, NewPassword);

        Assert.True(PortalClient.IsRedirectTo(changed, "/Compte/MotDePasse"), $"{changed.StatusCode}");
        var (_, page) = await here.GetAsync("/Compte/MotDePasse");
        Assert.Contains("Votre mot de passe est changé", page.Body!.TextContent);
        Assert.False(await IsSignedInAsync(elsewhere));
        Assert.True(await IsSignedInAsync(here));
        var mail = portal.Mail.LatestTo(here.Email!);
        Assert.Contains("Votre mot de passe a été changé", mail);
        Assert.Contains("a été changé depuis votre compte", mail);
        Assert.Contains(PortalSettings.LocalRoot + "/Compte/MotDePasseOublie", mail);
        // Still signed in after the security stamp's next check (the session carries the new stamp).
        portal.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await IsSignedInAsync(here));
        using var fresh = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await fresh.LoginAsync(here.Email!, NewPassword), "/Candidat"));
    }

    [Fact]
    public async Task A_wrong_current_password_or_a_weak_new_one_is_refused_in_french_without_echoing_any_password()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);

        var wrong = await PortalClient.ParseAsync(await ChangePasswordAsync(client, "Pas-le-bon-2026!", NewPassword));
        Assert.Contains("incorrect", wrong.QuerySelector("#current-error")!.TextContent, StringComparison.OrdinalIgnoreCase);

        var mismatch = await ChangePasswordAsync(client, TestAccounts.Password, NewPassword, "Autre-chose-2026!");
        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        var page = await PortalClient.ParseAsync(mismatch);
        Assert.Contains("Les deux mots de passe ne sont pas identiques.", page.Body!.TextContent);
        Assert.All(page.QuerySelectorAll("input[type=password]").Cast<IHtmlInputElement>(), input => Assert.Equal("", input.Value));

        var weak = await PortalClient.ParseAsync(await ChangePasswordAsync(client, TestAccounts.Password, "court"));
        Assert.Contains("au moins 12 caractères", weak.QuerySelector("#new-error")!.TextContent);

        Assert.True(await IsSignedInAsync(client)); // nothing changed
        using var again = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await again.LoginAsync(client.Email!, TestAccounts.Password), "/Candidat"));
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_of_the_account_at_once_and_tells_the_owner()
    {
        using var signedIn = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        var email = signedIn.Email!;
        using var anonymous = PortalClient.For(portal);
        await anonymous.SubmitAsync("/Compte/MotDePasseOublie", new Dictionary<string, string> { ["Email"] = email });
        var link = MailFolder.FirstLink(portal.Mail.LatestTo(email), "/Compte/ReinitialiserMotDePasse");

        var reset = await anonymous.SubmitAsync(new Uri(link).PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.True(PortalClient.IsRedirectTo(reset, "/Compte/Connexion"), $"{reset.StatusCode}");
        Assert.False(await IsSignedInAsync(signedIn));
        var mail = portal.Mail.LatestTo(email);
        Assert.Contains("a été réinitialisé avec le lien envoyé par e-mail", mail);
        Assert.Contains(PortalSettings.LocalRoot + "/Compte/MotDePasseOublie", mail);
    }

    [Fact]
    public async Task The_sessions_page_lists_this_session_and_the_others_and_ends_one_or_all_the_others()
    {
        using var here = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        using var phone = await AlsoSignedInAsync(here.Email!);
        using var tablet = await AlsoSignedInAsync(here.Email!);

        var (_, page) = await here.GetAsync("/Compte/Sessions");
        Assert.Equal(3, page.QuerySelectorAll("li.card").Length);
        Assert.Contains("cette session", page.QuerySelectorAll("li.card")[0].TextContent);
        Assert.Single(page.QuerySelectorAll(".status"));

        var sessions = await SessionsOfAsync(here.Email!);
        var phoneSession = sessions[1].Id;
        var ended = await here.SubmitAsync("/Compte/Sessions", new Dictionary<string, string>(), $"form[action*='{phoneSession}']");
        Assert.True(PortalClient.IsRedirectTo(ended, "/Compte/Sessions"), $"{ended.StatusCode}");
        Assert.False(await IsSignedInAsync(phone));
        Assert.True(await IsSignedInAsync(tablet));

        var endedOthers = await here.SubmitAsync("/Compte/Sessions", new Dictionary<string, string>(), "form[action*='handler=EndOthers']");
        Assert.True(PortalClient.IsRedirectTo(endedOthers, "/Compte/Sessions"));
        Assert.False(await IsSignedInAsync(tablet));
        Assert.True(await IsSignedInAsync(here));
        var (_, after) = await here.GetAsync("/Compte/Sessions");
        Assert.Single(after.QuerySelectorAll("li.card"));
        Assert.Contains("Aucune autre session n'est ouverte.", after.Body!.TextContent);
    }

    [Fact]
    public async Task Nobody_can_end_someone_elses_session_with_a_forged_id()
    {
        using var victim = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        using var attacker = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        var victimSession = Assert.Single(await SessionsOfAsync(victim.Email!)).Id;
        var (_, page) = await attacker.GetAsync("/Compte/Sessions");
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;

        foreach (var forged in new[] { victimSession, Guid.NewGuid() })
        {
            var response = await attacker.Http.PostAsync($"/Compte/Sessions?handler=End&id={forged}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.True(await IsSignedInAsync(victim));
        Assert.True(await IsSignedInAsync(attacker));
        Assert.Null(Assert.Single(await SessionsOfAsync(victim.Email!)).RevokedAt);
    }

    [Fact]
    public async Task The_account_pages_need_a_sign_in()
    {
        using var anonymous = PortalClient.For(portal);
        foreach (var path in new[] { "/Compte/MotDePasse", "/Compte/Sessions" })
            Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync(path), "/Compte/Connexion"), path);
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Evaluator)]
    [InlineData(Roles.JuryMember)]
    [InlineData(Roles.SistAnalyst)]
    public async Task A_session_of_someone_who_reads_others_files_ends_after_thirty_minutes_idle(string role)
    {
        using var client = await TestAccounts.SignedInAsync(portal, role);
        portal.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True(await IsSignedInAsync(client));
        portal.Clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        Assert.False(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task A_staff_session_in_use_ends_twelve_hours_after_signing_in()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.75); elapsed += TimeSpan.FromMinutes(20))
        {
            Assert.True(await IsSignedInAsync(client), $"after {elapsed}");
            portal.Clock.Advance(TimeSpan.FromMinutes(20));
        }
        Assert.False(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task A_candidate_session_slides_for_eight_hours_idle()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        portal.Clock.Advance(TimeSpan.FromHours(7));
        Assert.True(await IsSignedInAsync(client));
        portal.Clock.Advance(TimeSpan.FromHours(7)); // 14 hours after signing in, 7 after the last request
        Assert.True(await IsSignedInAsync(client));
        portal.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        Assert.False(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task The_nightly_purge_deletes_revoked_and_ended_sessions_only()
    {
        using var ended = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        await ended.LogoutAsync();
        using var open = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        portal.Clock.Advance(TimeSpan.FromSeconds(1));

        await using (var scope = portal.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<UserSessionPurgeJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);

        Assert.Empty(await SessionsOfAsync(ended.Email!));
        Assert.Single(await SessionsOfAsync(open.Email!));
        Assert.True(await IsSignedInAsync(open));
    }
}
