using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using CqpPortal.Web.Hosting;
using System.Net;
using CqpPortal.Testing;

namespace CqpPortal.Web.Tests.Accounts;

[Collection(PortalCollection.Name)]
public class AccountTests(DemoPortal portal)
{
    private const string Password = "Bonjour-2026!";

    private async Task<string> RegisterAndConfirmAsync(PortalClient client)
    {
        var email = $"c{Guid.NewGuid():N}"[..12] + "@exemple.fr";
        var created = await client.SubmitAsync("/Compte/Inscription", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Léa", ["Input.LastName"] = "Durand", ["Input.Email"] = email,
            ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password, ["Input.AcceptPrivacy"] = "true",
        });
        Assert.True(PortalClient.IsRedirectTo(created, "/Compte/ConfirmationEnvoyee"), $"{created.StatusCode}");
        var mail = portal.Mail.LatestTo(email);
        Assert.Contains("Confirmez votre adresse", mail);
        var (confirmed, page) = await client.GetAsync(MailFolder.FirstLink(mail, "/Compte/ConfirmerEmail"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Adresse confirmée", page.Title);
        return email;
    }

    [Fact]
    public async Task Can_create_an_account_confirm_the_address_and_sign_in_as_a_candidate()
    {
        using var client = PortalClient.For(portal);
        var email = await RegisterAndConfirmAsync(client);
        var login = await client.LoginAsync(email, Password);
        Assert.True(PortalClient.IsRedirectTo(login, "/Candidat"));
        var (_, home) = await client.GetAsync("/Candidat");
        Assert.Contains("pas encore de dossier", home.Body!.TextContent);
    }

    [Fact]
    public async Task Cannot_sign_in_before_confirming_the_address()
    {
        using var client = PortalClient.For(portal);
        var email = $"n{Guid.NewGuid():N}"[..12] + "@exemple.fr";
        await client.SubmitAsync("/Compte/Inscription", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Paul", ["Input.LastName"] = "Henry", ["Input.Email"] = email,
            ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password, ["Input.AcceptPrivacy"] = "true",
        });
        var login = await client.LoginAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Confirmez d'abord votre adresse", (await PortalClient.ParseAsync(login)).Body!.TextContent);
    }

    [Fact]
    public async Task Registration_errors_are_french_and_keep_what_was_typed()
    {
        using var client = PortalClient.For(portal);
        var response = await client.SubmitAsync("/Compte/Inscription", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Zoé", ["Input.LastName"] = "", ["Input.Email"] = "pas-une-adresse",
            ["Input.Password"] = "court", ["Input.ConfirmPassword"] = "autre", ["Input.AcceptPrivacy"] = "false",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var text = page.Body!.TextContent;
        Assert.Contains("Saisissez votre nom.", text);
        Assert.Contains("Saisissez une adresse électronique valide", text);
        Assert.Contains("Les deux mots de passe ne sont pas identiques.", text);
        Assert.Contains("Cochez la case", text);
        Assert.Equal("Zoé", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_FirstName")!).Value);
        Assert.Equal("pas-une-adresse", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Email")!).Value);
    }

    [Fact]
    public async Task Five_wrong_passwords_make_that_address_wait_with_a_french_429_but_never_lock_the_account()
    {
        using var client = PortalClient.For(portal);
        var email = await RegisterAndConfirmAsync(client);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.LoginAsync(email, "Mauvais-0000!");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var held = await client.LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.InRange(int.Parse(held.Headers.GetValues("Retry-After").Single()), 60, 15 * 60);
        Assert.Contains("Trop d'essais de connexion infructueux : réessayez dans", (await PortalClient.ParseAsync(held)).Body!.TextContent);
        Assert.Equal(email, ((AngleSharp.Html.Dom.IHtmlInputElement)(await PortalClient.ParseAsync(await client.LoginAsync(email, Password))).QuerySelector("#Input_Email")!).Value);
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!));
        // The owner, elsewhere, is not held back by someone else's failures.
        Assert.Null(portal.Services.GetRequiredService<SignInAttempts>().Wait(email, "203.0.113.9"));
    }

    [Fact]
    public async Task Creating_an_account_with_a_known_address_answers_as_for_a_new_one_and_tells_the_owner_by_e_mail()
    {
        using var client = PortalClient.For(portal);
        var email = await RegisterAndConfirmAsync(client);
        var fresh = $"n{Guid.NewGuid():N}"[..12] + "@exemple.fr";

        HttpResponseMessage Post(string address) => client.SubmitAsync("/Compte/Inscription", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Marc", ["Input.LastName"] = "Le Gall", ["Input.Email"] = address,
            ["Input.Password"] = "Autre-Passe-2026!", ["Input.ConfirmPassword"] = "Autre-Passe-2026!", ["Input.AcceptPrivacy"] = "true",
        }).GetAwaiter().GetResult();
        var known = Post(email);
        var unknown = Post(fresh);

        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(unknown.Headers.Location, known.Headers.Location);
        Assert.True(PortalClient.IsRedirectTo(known, "/Compte/ConfirmationEnvoyee"));
        var mail = portal.Mail.LatestTo(email);
        Assert.Contains("Vous avez déjà un compte", mail);
        Assert.Contains(PortalSettings.LocalRoot + "/Compte/MotDePasseOublie", mail);
        Assert.True(PortalClient.IsRedirectTo(await client.LoginAsync(email, Password), "/Candidat")); // the account is untouched
    }

    [Fact]
    public async Task A_company_access_asked_with_a_known_address_answers_as_for_a_new_one()
    {
        using var client = PortalClient.For(portal);
        var email = await RegisterAndConfirmAsync(client);
        var (_, form) = await client.GetAsync("/Compte/AccesEntreprise");
        var fields = form.QuerySelectorAll("input[name^='Input.'], select[name^='Input.']").Select(e => e.GetAttribute("name")!).ToList();
        Assert.Contains("Input.Siret", fields);

        var asked = await client.SubmitAsync("/Compte/AccesEntreprise", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Marc", ["Input.LastName"] = "Da Silva", ["Input.Email"] = email, ["Input.Password"] = "Autre-Passe-2026!",
            ["Input.CompanyName"] = "Accueil Services", ["Input.Siret"] = "73282932000074", ["Input.Region"] = "Ouest", ["Input.AcceptPrivacy"] = "true",
        });

        Assert.True(PortalClient.IsRedirectTo(asked, "/Compte/ConfirmationEnvoyee"), $"{asked.StatusCode}");
        Assert.Contains("Vous avez déjà un compte", portal.Mail.LatestTo(email));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = PortalClient.For(portal);
        var email = await RegisterAndConfirmAsync(client);

        var wrong = await PortalClient.ParseAsync(await client.LoginAsync(email, "Mauvais-0000!"));
        var unknown = await PortalClient.ParseAsync(await client.LoginAsync("personne-" + Guid.NewGuid().ToString("N")[..8] + "@exemple.fr", "Mauvais-0000!"));

        Assert.Equal(wrong.QuerySelector(".validation-summary-errors, [role=alert]")?.TextContent.Trim(), unknown.QuerySelector(".validation-summary-errors, [role=alert]")?.TextContent.Trim());
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", unknown.Body!.TextContent);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link_which_also_lifts_the_wait_after_failed_sign_ins()
    {
        using var client = PortalClient.For(portal);
        var email = await RegisterAndConfirmAsync(client);
        for (var i = 0; i < 5; i++) await client.LoginAsync(email, "Mauvais-0000!");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.LoginAsync(email, Password)).StatusCode);

        var asked = await client.SubmitAsync("/Compte/MotDePasseOublie", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var link = MailFolder.FirstLink(portal.Mail.LatestTo(email), "/Compte/ReinitialiserMotDePasse");
        var reset = await client.SubmitAsync(new Uri(link).PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "Nouveau-2026!", ["Input.ConfirmPassword"] = "Nouveau-2026!",
        });
        Assert.True(PortalClient.IsRedirectTo(reset, "/Compte/Connexion"), $"{reset.StatusCode}");
        Assert.True(PortalClient.IsRedirectTo(await client.LoginAsync(email, "Nouveau-2026!"), "/Candidat"));
    }

    [Fact]
    public async Task A_reset_asked_with_a_forged_Host_header_mails_a_link_to_the_sites_own_address_never_the_forged_one()
    {
        using var client = PortalClient.For(portal);
        var email = await RegisterAndConfirmAsync(client);
        // Every request of the attacker names their host: the form, its anti-forgery cookie and the post.
        const string forged = "http://attacker.example/Compte/MotDePasseOublie";
        var (_, page) = await client.GetAsync(forged);
        var asked = await client.PostFormAsync(page.Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == "Email")), forged,
            new Dictionary<string, string> { ["Email"] = email });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("attacker.example", asked.RequestMessage!.RequestUri!.Host);
        var link = MailFolder.FirstLink(portal.Mail.LatestTo(email), "/Compte/ReinitialiserMotDePasse");
        Assert.StartsWith(PortalSettings.LocalRoot + "/Compte/ReinitialiserMotDePasse?", link);
        Assert.DoesNotContain("attacker.example", portal.Mail.LatestTo(email));
    }

    [Fact]
    public async Task Asking_a_reset_for_an_unknown_address_says_the_same_and_sends_nothing()
    {
        using var client = PortalClient.For(portal);
        var before = portal.Mail.All().Count;
        var response = await client.SubmitAsync("/Compte/MotDePasseOublie", new Dictionary<string, string> { ["Email"] = "inconnu@exemple.fr" });
        Assert.Contains("Si un compte existe pour cette adresse", (await PortalClient.ParseAsync(response)).Body!.TextContent);
        Assert.Equal(before, portal.Mail.All().Count);
    }

    [Fact]
    public async Task Signing_out_closes_the_area()
    {
        using var client = PortalClient.For(portal);
        await client.LoginAsync("staff@cqp.test");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Staff")).StatusCode);
        await client.LogoutAsync();
        Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync("/Staff"), "/Compte/Connexion"));
    }
}
