using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Registrations;

/// <summary>Issue 17: the registration form's 2019 fundings, 18 regions and employer rule, and the PDF receipt of what was sent.</summary>
[Collection(PortalCollection.Name)]
public class RegistrationReceiptTests(DemoPortal portal)
{
    private static readonly Dictionary<string, string> Identity = new()
    {
        ["Input.FirstName"] = "Maëlys", ["Input.LastName"] = "Le Gall", ["Input.Phone"] = "",
        ["Input.BirthDate"] = "1991-06-02", ["Input.Sex"] = "Female", ["Input.Region"] = "LaReunion",
    };

    private static readonly Dictionary<string, string> Course = new()
    {
        // A job seeker who had typed an employer before changing her situation: the employer is not kept.
        ["Input.Route"] = "Training", ["Input.Funding"] = "FranceTravail", ["Input.EmploymentStatus"] = "JobSeeker",
        ["Input.EmployerName"] = "Ancien Employeur", ["Input.EmployerSiret"] = "pas un siret", ["Input.EducationLevel"] = "4",
        ["Input.DiplomaGroup"] = "ProfessionalBaccalaureate", ["Input.HighestDiploma"] = "Bac pro",
    };

    private static readonly Dictionary<string, string> Experience = new()
    {
        ["Input.TeleSecretaryMonths"] = "14", ["Input.PhoneJobMonths"] = "0", ["Input.PhoneTimeShare"] = "0", ["Input.PhoneJobKind"] = "",
        ["Input.Sectors"] = "medical-secretariat",
    };

    private async Task<(PortalClient Client, int ReceiptId)> SentAsync()
    {
        var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Identite", Identity), "/Candidat/Inscription/Parcours"));
        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Parcours", Course), "/Candidat/Inscription/Experience"));
        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Experience", Experience), "/Candidat/Inscription/Justificatifs"));
        await ProofUpload.UploadAsync(client, "Experience", "certificat-de-travail.pdf", ProofUpload.Pdf);
        var sent = await client.SubmitAsync("/Candidat/Inscription/Envoi", new Dictionary<string, string> { ["Consent"] = "true" });
        Assert.True(PortalClient.IsRedirectTo(sent, "/Candidat"), $"{sent.StatusCode}");
        var (_, home) = await client.GetAsync("/Candidat");
        var link = home.QuerySelectorAll("div.notice a").Select(a => a.GetAttribute("href")).Single(h => h!.StartsWith("/Candidat/Document/", StringComparison.Ordinal))!;
        // The same receipt is listed in « Mes documents ».
        Assert.Contains(home.QuerySelectorAll("#documents + ul a"), a => a.GetAttribute("href") == link && a.TextContent.Contains("Récapitulatif de l'inscription envoyée"));
        return (client, int.Parse(link["/Candidat/Document/".Length..]));
    }

    [Fact]
    public async Task After_sending_the_candidate_downloads_a_pdf_receipt_of_what_was_sent_with_a_reference()
    {
        var (client, receiptId) = await SentAsync();
        using var _ = client;
        var response = await client.Http.GetAsync($"/Candidat/Document/{receiptId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = PdfText.Of(pdf);
        Assert.Contains("Récapitulatif de votre inscription", text);
        Assert.Matches(@"ACC-\d{4}-\d{6}", text);
        Assert.Contains("Le Gall", text);
        Assert.Contains("La Réunion", text);
        Assert.Contains("France Travail", text);
        Assert.Contains("certificat-de-travail.pdf", text);
        Assert.DoesNotContain("Ancien Employeur", text);
        Directory.CreateDirectory("/work/screens/reg-demo");
        await File.WriteAllBytesAsync("/work/screens/reg-demo/recapitulatif-inscription.pdf", pdf);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var registration = await db.Registrations.SingleAsync(r => r.Candidate!.Email == client.Email);
        Assert.Equal((Region.LaReunion, (Funding?)Funding.FranceTravail, (string?)null, (string?)null),
            (registration.Region, registration.Funding, registration.EmployerName, registration.EmployerSiret));

        // The confirmation e-mail links to « Mes documents » from the public address.
        var mail = portal.Mail.LatestTo(client.Email!);
        Assert.Contains("rubrique « Mes documents »", mail);
        Assert.Contains("/Candidat#documents", mail);
    }

    [Fact]
    public async Task Another_candidate_gets_404_for_the_receipt_and_a_visitor_is_sent_to_sign_in()
    {
        var (owner, receiptId) = await SentAsync();
        owner.Dispose();
        using var other = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Candidat/Document/{receiptId}")).StatusCode);
        using var visitor = PortalClient.For(portal);
        var anonymous = await visitor.Http.GetAsync($"/Candidat/Document/{receiptId}");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_employee_must_name_the_employer_and_an_old_large_area_is_not_offered_any_more()
    {
        using var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate);
        var refused = await client.SubmitAsync("/Candidat/Inscription/Identite", new Dictionary<string, string>(Identity) { ["Input.Region"] = "Ouest" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choisissez votre région dans la liste.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.True(PortalClient.IsRedirectTo(await client.SubmitAsync("/Candidat/Inscription/Identite", Identity), "/Candidat/Inscription/Parcours"));

        var employee = new Dictionary<string, string>(Course) { ["Input.EmploymentStatus"] = "Employee", ["Input.EmployerName"] = "", ["Input.EmployerSiret"] = "" };
        var page = await client.SubmitAsync("/Candidat/Inscription/Parcours", employee);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Saisissez le nom de votre employeur.", html);
        Assert.Contains("data-shown-when=\"Input.EmploymentStatus=Employee\"", html);
        Assert.Contains("/js/shown-when", html); // the script (its name may carry the static assets fingerprint)
    }
}
