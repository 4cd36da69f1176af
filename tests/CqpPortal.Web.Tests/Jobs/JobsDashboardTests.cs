using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Tests.Jobs;

/// <summary>Hangfire's dashboard at /Staff/Taches: staff read it, administrators act on it, nobody else gets in.</summary>
[Collection(PortalCollection.Name)]
public class JobsDashboardTests(DemoPortal portal)
{
    private const string Recurring = "/Staff/Taches/recurring";
    private const string TriggerButton = "data-url=\"/Staff/Taches/recurring/trigger\"";

    [Fact]
    public async Task An_anonymous_visitor_is_refused_the_jobs_dashboard()
    {
        using var client = PortalClient.For(portal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/Staff/Taches")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync(Recurring)).StatusCode);
    }

    [Fact]
    public async Task A_candidate_is_refused_the_jobs_dashboard()
    {
        using var candidate = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.Http.GetAsync("/Staff/Taches")).StatusCode);
    }

    [Fact]
    public async Task Staff_see_the_recurring_jobs_read_only()
    {
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");

        var (response, page) = await staff.GetAsync(Recurring);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("session-reminders", page.Body!.TextContent);
        Assert.Contains("holder-surveys", page.Body.TextContent);
        Assert.DoesNotContain(TriggerButton, page.Source.Text);
    }

    [Fact]
    public async Task An_administrator_gets_the_action_buttons()
    {
        using var admin = PortalClient.For(portal);
        await admin.LoginAsync("admin@cqp.test");

        var (response, page) = await admin.GetAsync(Recurring);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TriggerButton, page.Source.Text);
    }

    [Fact]
    public async Task The_staff_home_page_links_to_the_jobs_dashboard()
    {
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var (_, page) = await staff.GetAsync("/Staff");
        Assert.NotNull(page.QuerySelector("a[href='/Staff/Taches']"));
    }
}
