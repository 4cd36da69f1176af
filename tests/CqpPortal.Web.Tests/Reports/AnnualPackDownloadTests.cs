using System.Net;
using CqpPortal.Testing;
using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>The pack's workbook and PDF from the analytics page, on the demo data: SIST and the committee only.</summary>
[Collection(PortalCollection.Name)]
public class AnnualPackDownloadTests(DemoPortal portal)
{
    private static readonly int LastYear = DateTime.UtcNow.Year - 1;

    [Fact]
    public async Task The_analytics_page_links_each_year_to_its_workbook_and_pdf()
    {
        using var sist = PortalClient.For(portal);
        await sist.LoginAsync("sist@cqp.test");

        var (_, page) = await sist.GetAsync("/Analyse");

        var workbook = page.QuerySelector($"a[href='/Analyse/Bilan/{LastYear}.xlsx']");
        Assert.NotNull(workbook);
        Assert.Equal($"bilan-annuel-cqp-{LastYear}.xlsx", workbook.GetAttribute("download"));
        Assert.NotNull(page.QuerySelector($"a[href='/Analyse/Bilan/{LastYear}.pdf']"));
    }

    [Fact]
    public async Task Sist_downloads_the_workbook_of_a_year_with_its_charts()
    {
        using var sist = PortalClient.For(portal);
        await sist.LoginAsync("sist@cqp.test");

        var response = await sist.Http.GetAsync($"/Analyse/Bilan/{LastYear}.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"bilan-annuel-cqp-{LastYear}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var file = Path.Combine(Path.GetTempPath(), $"cqp-download-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        try
        {
            using var book = new WorkbookReader(file);
            Assert.Equal("Synthèse", book.SheetNames[0]);
            Assert.True(book.Rows("Détail anonyme").Count > 90, "about a hundred registrations a year in the demo data");
            Assert.NotNull(book.Part("Région").DrawingsPart);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_committee_downloads_the_pdf_summary()
    {
        using var committee = PortalClient.For(portal);
        await committee.LoginAsync("comite@cqp.test");

        var response = await committee.Http.GetAsync($"/Analyse/Bilan/{LastYear}.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains($"Bilan annuel {LastYear}", text);
        Assert.Contains("Candidats inscrits par région", text);
    }

    [Theory]
    [InlineData("candidat@cqp.test")]
    [InlineData("staff@cqp.test")]
    [InlineData("manager@cqp.test")]
    public async Task Other_roles_are_refused_the_pack(string email)
    {
        using var client = PortalClient.For(portal);
        await client.LoginAsync(email);

        foreach (var format in new[] { "xlsx", "pdf" })
        {
            var response = await client.Http.GetAsync($"/Analyse/Bilan/{LastYear}.{format}");
            Assert.True(PortalClient.IsRedirectTo(response, "/Compte/AccesRefuse"), $"{format}: {response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var client = PortalClient.For(portal);

        var response = await client.Http.GetAsync($"/Analyse/Bilan/{LastYear}.xlsx");

        Assert.True(PortalClient.IsRedirectTo(response, "/Compte/Connexion?ReturnUrl="), $"{response.StatusCode} {response.Headers.Location}");
    }

    [Theory]
    [InlineData("/Analyse/Bilan/1850.xlsx")]
    [InlineData("/Analyse/Bilan/2025.docx")]
    public async Task A_year_out_of_range_or_another_format_is_not_found(string url)
    {
        using var sist = PortalClient.For(portal);
        await sist.LoginAsync("sist@cqp.test");

        Assert.Equal(HttpStatusCode.NotFound, (await sist.Http.GetAsync(url)).StatusCode);
    }
}
