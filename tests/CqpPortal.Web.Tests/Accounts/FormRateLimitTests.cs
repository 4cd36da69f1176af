using System.Net;
using CqpPortal.Testing;

namespace CqpPortal.Web.Tests.Accounts;

/// <summary>On a portal of its own with a low limit, so the shared portal's tests are not throttled.</summary>
public class FormRateLimitTests
{
    [Fact]
    public async Task Scripted_form_posts_are_slowed_down_with_the_french_page_while_reading_stays_free()
    {
        using var portal = new PortalFactory(TestCluster.NewDatabase("formlimit"), demoData: false,
            new Dictionary<string, string?> { ["Portal:FormPostsPerMinute"] = "2" });
        using var client = PortalClient.For(portal);
        var fields = new Dictionary<string, string> { ["Email"] = "quelquun@exemple.fr" };
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/Compte/MotDePasseOublie", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/Compte/MotDePasseOublie", fields)).StatusCode);
        var refused = await client.SubmitAsync("/Compte/MotDePasseOublie", fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Trop de demandes", (await PortalClient.ParseAsync(refused)).Title);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Compte/MotDePasseOublie")).StatusCode);
    }
}
