using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Seeding;

namespace CqpPortal.Web.Tests.Accounts;

/// <summary>Each role signs in and reaches its own area only; anonymous visitors are sent to the login page.</summary>
[Collection(PortalCollection.Name)]
public class AreaAccessTests(DemoPortal portal)
{
    public static TheoryData<string> DemoEmails() => new(DemoAccounts.All.Select(a => a.Email));

    [Theory]
    [MemberData(nameof(DemoEmails))]
    public async Task Each_role_lands_in_its_own_area_and_is_refused_the_others(string email)
    {
        var role = DemoAccounts.All.Single(a => a.Email == email).Role;
        using var client = PortalClient.For(portal);

        var login = await client.LoginAsync(email);
        var home = Areas.All.First(a => a.Roles.Contains(role)).Folder;
        Assert.True(PortalClient.IsRedirectTo(login, home), $"{email} should land in {home}, got {login.StatusCode} {login.Headers.Location}");

        foreach (var area in Areas.All)
        {
            var response = await client.Http.GetAsync(area.Folder);
            if (area.Roles.Contains(role))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                Assert.True(PortalClient.IsRedirectTo(response, "/Compte/AccesRefuse"), $"{email} must not reach {area.Folder}: {response.StatusCode}");
            }
        }
        var denied = await client.Http.GetAsync("/Compte/AccesRefuse");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_from_every_area()
    {
        using var client = PortalClient.For(portal);
        foreach (var area in Areas.All)
        {
            var response = await client.Http.GetAsync(area.Folder);
            Assert.True(PortalClient.IsRedirectTo(response, "/Compte/Connexion?ReturnUrl="), $"{area.Folder}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_company_manager_sees_the_employees_of_their_own_company_only()
    {
        using var first = PortalClient.For(portal);
        await first.LoginAsync("manager@cqp.test");
        var (_, page) = await first.GetAsync("/Entreprise");
        Assert.Contains("Camille Martin", page.Body!.TextContent);
        Assert.DoesNotContain("Julien Bernard", page.Body.TextContent);

        using var second = PortalClient.For(portal);
        await second.LoginAsync("manager2@cqp.test");
        var (_, other) = await second.GetAsync("/Entreprise");
        Assert.Contains("Julien Bernard", other.Body!.TextContent);
        Assert.DoesNotContain("Camille Martin", other.Body.TextContent);
    }

    [Fact]
    public async Task A_candidate_sees_their_own_file_with_the_two_year_deadline()
    {
        using var client = PortalClient.For(portal);
        await client.LoginAsync("candidat@cqp.test");
        var (response, page) = await client.GetAsync("/Candidat");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("Bonjour Camille", text);
        Assert.Contains("Recevable", text);
        Assert.Contains("jours restants", text);
        Assert.DoesNotContain("Julien", text);
        // The timeline: admissible, in training, with an evaluation coming.
        Assert.Contains("Formation", page.QuerySelector("ol.timeline li[aria-current=step]")!.TextContent);
        // Her convocation is issued: the timeline says where it is, not that it is « prévue » (issue 17).
        Assert.Contains("Convocation envoyée, dans « Mes documents »", page.QuerySelector("ol.timeline")!.TextContent);
        Assert.DoesNotContain("Convocation prévue", text);
        Assert.Contains("Présentez-vous à l'évaluation", text);
    }
}
