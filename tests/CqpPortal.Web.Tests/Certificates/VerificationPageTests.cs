using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Certificates;

namespace CqpPortal.Web.Tests.Certificates;

/// <summary>Anyone checks a certificate by its number and learns the holder's name, the certification and the date, nothing else.</summary>
[Collection(PortalCollection.Name)]
public class VerificationPageTests(DemoPortal portal)
{
    private const string Page = "/Verifier-un-certificat";

    [Fact]
    public async Task A_known_number_as_people_type_it_shows_only_the_name_the_certification_and_the_date()
    {
        var (holder, certificate) = await Holders.CertifiedAsync(portal);
        using var visitor = PortalClient.For(portal);

        var typed = certificate.Number.ToLowerInvariant().Replace("-", " ");
        var (response, page) = await visitor.GetAsync($"{Page}?numero={Uri.EscapeDataString(typed)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = page.QuerySelector("#resultat")!.ParentElement!.TextContent;
        Assert.Contains($"{holder.FirstName} {holder.LastName}", result);
        Assert.Contains("CQP Télésecrétaire qualifié(e)", result);
        Assert.Contains(CqpPortal.Web.Formatting.FrenchFormat.Date(holder.DecidedOn), result);
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(holder.Email, html);
        Assert.DoesNotContain("1988", html); // the birth date
        Assert.DoesNotContain("27/04", html);
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.False(response.Headers.Contains("Age"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_unknown_or_malformed_number_answers_the_french_not_found(bool malformed)
    {
        using var visitor = PortalClient.For(portal);
        var number = malformed ? "ABC-123" : Domain.Certificates.CertificateNumber.New();
        var (_, page) = await visitor.GetAsync($"{Page}?numero={Uri.EscapeDataString(number)}");
        var error = page.QuerySelector(".notice.error")!.TextContent;
        Assert.Contains(CertificateVerification.NotFound, error);
        Assert.Equal(malformed, error.Contains("XXXX-XXXX-XXXX-X"));
        Assert.Null(page.QuerySelector("#resultat"));
        Assert.Equal(number, page.QuerySelector("#numero")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_partial_number_matches_nothing()
    {
        var (_, certificate) = await Holders.CertifiedAsync(portal);
        using var visitor = PortalClient.For(portal);
        var (_, page) = await visitor.GetAsync($"{Page}?numero={Uri.EscapeDataString(certificate.Number[..9])}");
        Assert.Contains(CertificateVerification.NotFound, page.QuerySelector(".notice.error")!.TextContent);
    }

    [Fact]
    public async Task The_footer_of_every_page_links_to_the_verification_page_whose_form_asks_for_the_number()
    {
        using var visitor = PortalClient.For(portal);
        var (_, home) = await visitor.GetAsync("/");
        Assert.NotNull(home.QuerySelector($"footer a[href='{Page}']"));
        var (_, page) = await visitor.GetAsync(Page);
        Assert.Equal("Numéro du certificat", page.QuerySelector("label[for=numero]")!.TextContent);
        Assert.Equal("get", page.QuerySelector("form:has(#numero)")!.GetAttribute("method"));
    }
}

/// <summary>On a portal of its own with a low limit, so the shared portal's tests are not throttled.</summary>
public class VerificationRateLimitTests
{
    [Fact]
    public async Task Checking_numbers_in_bulk_is_slowed_down_with_the_french_page()
    {
        using var portal = new PortalFactory(TestCluster.NewDatabase("certlimit"), demoData: false,
            new Dictionary<string, string?> { ["Portal:CertificateChecksPerMinute"] = "2" });
        using var client = PortalClient.For(portal);
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/Verifier-un-certificat?numero={Domain.Certificates.CertificateNumber.New()}")).StatusCode);
        var refused = await client.Http.GetAsync($"/Verifier-un-certificat?numero={Domain.Certificates.CertificateNumber.New()}");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Trop de demandes", (await PortalClient.ParseAsync(refused)).Title);
    }
}
