using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Training;

/// <summary>The staff trainee page (/Staff/Formation/Stagiaire/{id}): staff open it, others are kept out.</summary>
[Collection(PortalCollection.Name)]
public class TraineePageTests(DemoPortal portal)
{
    [Fact]
    public async Task Staff_open_a_trainees_positioning_and_path_page()
    {
        var company = await CompanyAsync(portal);
        var employee = await EmployeeAsync(portal, company, follows: true);
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);

        var (response, page) = await staff.GetAsync($"/Staff/Formation/Stagiaire/{employee.RegistrationId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(employee.Name, page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_unknown_registration_is_not_found_for_staff()
    {
        using var staff = await TestAccounts.SignedInAsync(portal, Roles.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/Staff/Formation/Stagiaire/987654321")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var client = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync("/Staff/Formation/Stagiaire/1"), "/Compte/Connexion?ReturnUrl="));
    }

    [Theory]
    [InlineData(Roles.Evaluator)]
    [InlineData(Roles.JuryMember)]
    [InlineData(Roles.SistAnalyst)]
    public async Task Other_roles_are_refused_the_staff_trainee_page(string role)
    {
        using var client = await TestAccounts.SignedInAsync(portal, role);
        Assert.True(PortalClient.IsRedirectTo(await client.Http.GetAsync("/Staff/Formation/Stagiaire/1"), "/Compte/AccesRefuse"));
    }
}
