using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Companies;

/// <summary>An approved manager invites a colleague and pre-registers employees; never for another company.</summary>
[Collection(PortalCollection.Name)]
public class CompanyInvitationTests(DemoPortal portal)
{
    private const string NewPassword = "Invite-2026!";

    private async Task<T> QueryAsync<T>(Func<CqpDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CqpDbContext>());
    }

    private Task<int> CompanyOfAsync(string managerEmail) =>
        QueryAsync(db => db.CompanyManagers.Where(m => m.User!.Email == managerEmail).Select(m => m.CompanyId).FirstAsync());

    private static string NewAddress(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)] + "@exemple.fr";

    private async Task<PortalClient> ManagerAsync(string email = "manager@cqp.test")
    {
        var manager = PortalClient.For(portal);
        await manager.LoginAsync(email);
        return manager;
    }

    /// <summary>Opens the activation link of the e-mail as the invited person and chooses a password.</summary>
    private async Task<(PortalClient Client, HttpResponseMessage Response)> ActivateAsync(string email)
    {
        var link = new Uri(MailFolder.FirstLink(portal.Mail.LatestTo(email), "/Compte/Activer")).PathAndQuery;
        var invited = PortalClient.For(portal);
        var response = await invited.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        return (invited, response);
    }

    [Fact]
    public async Task An_approved_manager_invites_a_colleague_who_activates_the_account_and_sees_the_same_employees()
    {
        var companyId = await CompanyOfAsync("manager@cqp.test");
        var colleague = NewAddress("collegue");
        using var manager = await ManagerAsync();
        var sent = await manager.SubmitAsync($"/Entreprise/Inviter/{companyId}", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Inès", ["Input.LastName"] = "Garnier", ["Input.Email"] = colleague,
        });
        Assert.True(PortalClient.IsRedirectTo(sent, "/Entreprise"), $"{sent.StatusCode}");
        var (_, home) = await manager.GetAsync("/Entreprise");
        Assert.Contains($"Invitation envoyée à {colleague}", home.Body!.TextContent);
        Assert.Contains("Inès Garnier", home.Body.TextContent);
        Assert.Contains("invitation en attente d'activation", home.Body.TextContent);
        Assert.Contains("accès gestionnaire", portal.Mail.LatestTo(colleague));

        // Until the link is opened the account cannot sign in.
        using (var early = PortalClient.For(portal))
            Assert.False(PortalClient.IsRedirectTo(await early.LoginAsync(colleague, NewPassword), "/Entreprise"));

        var (invited, activated) = await ActivateAsync(colleague);
        using (invited)
        {
            Assert.True(PortalClient.IsRedirectTo(activated, "/Entreprise"), $"{activated.StatusCode}");
            var (_, page) = await invited.GetAsync("/Entreprise");
            Assert.Contains("Camille Martin", page.Body!.TextContent);
            Assert.DoesNotContain("Julien Bernard", page.Body.TextContent);
        }
        Assert.Equal(companyId, await QueryAsync(db => db.CompanyManagers.Where(m => m.User!.Email == colleague).Select(m => m.CompanyId).SingleAsync()));
    }

    [Fact]
    public async Task A_manager_pre_registers_an_employee_who_confirms_by_email_and_finds_the_form_started()
    {
        var companyId = await CompanyOfAsync("manager@cqp.test");
        var employee = NewAddress("salarie");
        using var manager = await ManagerAsync();
        var sent = await manager.SubmitAsync($"/Entreprise/PreInscrire/{companyId}", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Théo", ["Input.LastName"] = "Rivière", ["Input.Email"] = employee, ["Route"] = "Training",
        });
        Assert.True(PortalClient.IsRedirectTo(sent, "/Entreprise"), $"{sent.StatusCode}");
        var (_, before) = await manager.GetAsync("/Entreprise");
        Assert.Contains("Théo Rivière", before.Body!.TextContent);
        Assert.Contains("En attente d'activation du compte", before.Body.TextContent);
        Assert.Contains("pré-inscrit(e)", portal.Mail.LatestTo(employee));

        var (invited, activated) = await ActivateAsync(employee);
        using (invited)
        {
            Assert.True(PortalClient.IsRedirectTo(activated, "/Candidat/Inscription/Identite"), $"{activated.StatusCode}");
            var (_, identity) = await invited.GetAsync("/Candidat/Inscription/Identite");
            Assert.Equal("Théo", identity.QuerySelector("#Input_FirstName")!.GetAttribute("value"));
            Assert.Equal("", identity.QuerySelector("#Input_BirthDate")!.GetAttribute("value") ?? "");
            var (_, course) = await invited.GetAsync("/Candidat/Inscription/Parcours");
            var siret = await QueryAsync(db => db.Companies.Where(c => c.Id == companyId).Select(c => c.Siret).SingleAsync());
            Assert.Equal(siret, course.QuerySelector("#Input_EmployerSiret")!.GetAttribute("value"));
        }
        var (_, after) = await manager.GetAsync("/Entreprise");
        Assert.Contains("Compte activé, bulletin en cours", after.Body!.TextContent);

        var registration = await QueryAsync(db => db.Registrations.Where(r => r.Candidate!.Email == employee).SingleAsync());
        Assert.Equal(RegistrationState.Draft, registration.State);
        Assert.Null(registration.PrivacyConsentAt); // the employee consents, not the employer
        Assert.Equal(CertificationRoute.Training, registration.Route);

        using var other = await ManagerAsync("manager2@cqp.test");
        var (_, otherPage) = await other.GetAsync("/Entreprise");
        Assert.DoesNotContain("Théo Rivière", otherPage.Body!.TextContent);
    }

    [Fact]
    public async Task A_manager_cannot_invite_or_pre_register_for_another_company()
    {
        var otherCompany = await CompanyOfAsync("manager2@cqp.test");
        var address = NewAddress("intrus");
        using var manager = await ManagerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync($"/Entreprise/Inviter/{otherCompany}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync($"/Entreprise/PreInscrire/{otherCompany}")).StatusCode);

        // A valid anti-forgery token from one's own page, posted to the other company's address, changes nothing.
        var ownCompany = await CompanyOfAsync("manager@cqp.test");
        var (_, ownPage) = await manager.GetAsync($"/Entreprise/PreInscrire/{ownCompany}");
        var tampered = await manager.Http.PostAsync($"/Entreprise/PreInscrire/{otherCompany}", new FormUrlEncodedContent(
            ownPage.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.FirstName")).Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
                .Where(i => i.Type == "hidden").Select(i => KeyValuePair.Create(i.Name!, i.Value))
                .Concat([KeyValuePair.Create("Input.FirstName", "Paul"), KeyValuePair.Create("Input.LastName", "Intrus"),
                    KeyValuePair.Create("Input.Email", address), KeyValuePair.Create("Route", "Free")])));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.False(await QueryAsync(db => db.Candidates.AnyAsync(c => c.Email == address)));

        using var candidate = PortalClient.For(portal);
        await candidate.LoginAsync("candidat@cqp.test");
        Assert.True(PortalClient.IsRedirectTo(await candidate.Http.GetAsync($"/Entreprise/Inviter/{ownCompany}"), "/Compte/AccesRefuse"));
        using var anonymous = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync($"/Entreprise/PreInscrire/{ownCompany}"), "/Compte/Connexion"));
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_is_only_told_by_email_and_nothing_changes()
    {
        var companyId = await CompanyOfAsync("manager@cqp.test");
        var before = await QueryAsync(db => db.Candidates.Where(c => c.Email == "candidat2@cqp.test").Select(c => new { c.Id, c.CompanyId, Registrations = c.Registrations.Count }).SingleAsync());
        using var manager = await ManagerAsync();
        var sent = await manager.SubmitAsync($"/Entreprise/PreInscrire/{companyId}", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Julien", ["Input.LastName"] = "Bernard", ["Input.Email"] = "candidat2@cqp.test", ["Route"] = "Free",
        });
        Assert.True(PortalClient.IsRedirectTo(sent, "/Entreprise"));
        Assert.Contains("Une invitation vous attend", portal.Mail.LatestTo("candidat2@cqp.test"));
        var after = await QueryAsync(db => db.Candidates.Where(c => c.Email == "candidat2@cqp.test").Select(c => new { c.Id, c.CompanyId, Registrations = c.Registrations.Count }).SingleAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_french_and_kept_and_an_activation_link_works_once()
    {
        var companyId = await CompanyOfAsync("manager@cqp.test");
        using var manager = await ManagerAsync();
        var response = await manager.SubmitAsync($"/Entreprise/PreInscrire/{companyId}", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Léna", ["Input.LastName"] = "", ["Input.Email"] = "pas-une-adresse",
        });
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Saisissez le nom.", page.QuerySelector("#lastname-error")!.TextContent);
        Assert.Contains("adresse électronique valide", page.QuerySelector("#email-error")!.TextContent);
        Assert.Contains("Choisissez la voie d'accès", page.QuerySelector("#route-error")!.TextContent);
        Assert.Equal("Léna", page.QuerySelector("#Input_FirstName")!.GetAttribute("value"));
        Assert.Equal("pas-une-adresse", page.QuerySelector("#Input_Email")!.GetAttribute("value"));

        var colleague = NewAddress("deuxfois");
        await manager.SubmitAsync($"/Entreprise/Inviter/{companyId}", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Marc", ["Input.LastName"] = "Dupuis", ["Input.Email"] = colleague,
        });
        var link = new Uri(MailFolder.FirstLink(portal.Mail.LatestTo(colleague), "/Compte/Activer")).PathAndQuery;
        using var invited = PortalClient.For(portal);
        var mismatch = await invited.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = "Autre-2026!" });
        Assert.Contains("ne sont pas identiques", (await PortalClient.ParseAsync(mismatch)).QuerySelector("#confirm-error")!.TextContent);
        var (_, activated) = await ActivateAsync(colleague);
        Assert.True(PortalClient.IsRedirectTo(activated, "/Entreprise"));
        using var again = PortalClient.For(portal);
        Assert.Equal(HttpStatusCode.BadRequest, (await again.Http.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await again.Http.GetAsync("/Compte/Activer?userId=nobody&code=abc")).StatusCode);
    }
}
