using System.Net;
using CqpPortal.Testing;

namespace CqpPortal.Web.Tests.Foundation;

[Collection(PortalCollection.Name)]
public class RequestHardeningTests(DemoPortal portal)
{
    [Fact]
    public async Task Responses_carry_a_permissions_policy_a_base_uri_and_no_server_banner()
    {
        using var client = PortalClient.For(portal);
        var response = await client.Http.GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("base-uri 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/calendrier?region=%00")]
    [InlineData("/Candidat?x=a%00b")]
    public async Task A_nul_character_in_the_query_gets_the_french_400_page(string url)
    {
        using var client = PortalClient.For(portal);
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html lang=\"fr\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_nul_character_in_a_posted_form_gets_the_400_page_not_a_500()
    {
        using var client = PortalClient.For(portal);
        var response = await client.Http.PostAsync("/Contact", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Léa\0" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/Candidat")]
    [InlineData("/Candidat/Sessions")]
    public async Task Private_pages_and_documents_are_never_stored_by_a_browser_or_a_proxy(string url)
    {
        using var client = PortalClient.For(portal);
        await client.LoginAsync("candidat@cqp.test", PortalClient.DemoPassword);
        var response = await client.Http.GetAsync(url);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_private_area_asked_anonymously_is_not_stored_either_and_public_pages_keep_their_caching()
    {
        using var client = PortalClient.For(portal);
        var redirect = await client.Http.GetAsync("/Staff");
        Assert.Contains("no-store", redirect.Headers.CacheControl?.ToString() ?? "");
        var home = await client.Http.GetAsync("/");
        Assert.DoesNotContain("no-store", home.Headers.CacheControl?.ToString() ?? "");
    }
}
