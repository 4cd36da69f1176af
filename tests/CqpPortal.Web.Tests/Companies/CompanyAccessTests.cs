using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Companies;

[Collection(PortalCollection.Name)]
public class CompanyAccessTests(DemoPortal portal)
{
    private const string Password = "Entreprise-2026!";

    private async Task<string> RequestAccessAsync(string siret, string company = "Permanence Plus")
    {
        var email = $"resp-{Guid.NewGuid():N}"[..14] + "@exemple.fr";
        using var visitor = PortalClient.For(portal);
        var response = await visitor.SubmitAsync("/Compte/AccesEntreprise", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Hugo", ["Input.LastName"] = "Lemoine", ["Input.Email"] = email, ["Input.Password"] = Password,
            ["Input.CompanyName"] = company, ["Input.Siret"] = siret, ["Input.Region"] = "Sud", ["Input.AcceptPrivacy"] = "true",
        });
        Assert.True(PortalClient.IsRedirectTo(response, "/Compte/ConfirmationEnvoyee"), $"{response.StatusCode}");
        await visitor.GetAsync(new Uri(MailFolder.FirstLink(portal.Mail.LatestTo(email), "/Compte/ConfirmerEmail")).PathAndQuery);
        return email;
    }

    private async Task<(string Siret, int PendingId)> SecondCompanyAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var siret = await db.Companies.OrderBy(c => c.Id).Skip(1).Select(c => c.Siret).FirstAsync();
        var pending = await db.CompanyManagers.Where(m => m.User!.Email == email).Select(m => m.Id).SingleOrDefaultAsync();
        return (siret, pending);
    }

    [Fact]
    public async Task A_manager_asks_for_access_by_siret_and_sees_the_employees_once_staff_approve()
    {
        var (siret, _) = await SecondCompanyAsync("");
        var email = await RequestAccessAsync(siret);
        using var manager = PortalClient.For(portal);
        await manager.LoginAsync(email, Password);
        var (_, before) = await manager.GetAsync("/Entreprise");
        Assert.Contains("pas encore été validé", before.Body!.TextContent);
        Assert.DoesNotContain("Julien Bernard", before.Body.TextContent);

        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var (_, queue) = await staff.GetAsync("/Staff/Entreprises");
        Assert.Contains(email, queue.Body!.TextContent);
        var (_, pendingId) = await SecondCompanyAsync(email);
        var approve = queue.Forms.Single(f => f.GetAttribute("action")!.Contains("handler=Approve") && f.Elements.Any(e => e.GetAttribute("value") == pendingId.ToString()));
        await staff.PostFormAsync(approve, "/Staff/Entreprises", new Dictionary<string, string>());
        Assert.Contains("est validé", portal.Mail.LatestTo(email));

        var (_, after) = await manager.GetAsync("/Entreprise");
        Assert.Contains("Julien Bernard", after.Body!.TextContent);
        Assert.DoesNotContain("Camille Martin", after.Body.TextContent);
    }

    [Fact]
    public async Task Staff_refuse_a_request_with_a_reason_and_the_manager_never_sees_anyone()
    {
        var (siret, _) = await SecondCompanyAsync("");
        var email = await RequestAccessAsync(siret);
        var (_, pendingId) = await SecondCompanyAsync(email);
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var (_, queue) = await staff.GetAsync("/Staff/Entreprises");
        var refuse = queue.Forms.Single(f => f.GetAttribute("action")!.Contains("handler=Refuse") && f.Elements.Any(e => e.GetAttribute("value") == pendingId.ToString()));
        await staff.PostFormAsync(refuse, "/Staff/Entreprises", new Dictionary<string, string> { ["reason"] = "Vous n'êtes pas responsable de cet établissement." });
        Assert.Contains("pas responsable de cet établissement", portal.Mail.LatestTo(email));

        using var manager = PortalClient.For(portal);
        await manager.LoginAsync(email, Password);
        var (_, page) = await manager.GetAsync("/Entreprise");
        Assert.Contains("pas encore été validé", page.Body!.TextContent);
    }

    [Fact]
    public async Task An_invalid_siret_is_refused_in_french_and_the_form_keeps_its_values()
    {
        using var visitor = PortalClient.For(portal);
        var response = await visitor.SubmitAsync("/Compte/AccesEntreprise", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Hugo", ["Input.LastName"] = "Lemoine", ["Input.Email"] = "hugo@exemple.fr", ["Input.Password"] = Password,
            ["Input.CompanyName"] = "Nouvelle Permanence", ["Input.Siret"] = "123 456 789 00010", ["Input.Region"] = "Sud", ["Input.AcceptPrivacy"] = "true",
        });
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Saisissez un SIRET valide", page.QuerySelector("#siret-error")!.TextContent);
        Assert.Equal("Nouvelle Permanence", page.QuerySelector("#Input_CompanyName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Only_staff_can_open_the_approval_queue()
    {
        using var manager = PortalClient.For(portal);
        await manager.LoginAsync("manager@cqp.test");
        Assert.True(PortalClient.IsRedirectTo(await manager.Http.GetAsync("/Staff/Entreprises"), "/Compte/AccesRefuse"));
    }
}
