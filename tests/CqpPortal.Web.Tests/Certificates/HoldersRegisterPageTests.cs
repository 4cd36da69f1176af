using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CqpPortal.Web.Tests.Certificates;

/// <summary>SIST prints the certificates, marks them signed then sent, and exports the holders' register; nobody else opens it.</summary>
[Collection(PortalCollection.Name)]
public class HoldersRegisterPageTests(DemoPortal portal)
{
    private const string Register = "/Analyse/Certificats";

    private async Task<PortalClient> SistAsync()
    {
        var sist = PortalClient.For(portal);
        await sist.LoginAsync("sist@cqp.test");
        return sist;
    }

    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string handler, int certificateId)
    {
        var (_, page) = await client.GetAsync(Register);
        var form = page.Forms.First(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}") && (f.GetAttribute("action") ?? "").Contains($"id={certificateId}"));
        return await client.PostFormAsync(form, Register, new Dictionary<string, string>());
    }

    [Fact]
    public async Task Only_SIST_opens_the_register_its_pdf_and_export_and_marks_certificates()
    {
        var (_, certificate) = await Holders.CertifiedAsync(portal);
        using var sist = await SistAsync();
        Assert.Equal(HttpStatusCode.OK, (await sist.Http.GetAsync(Register)).StatusCode);

        var clients = new List<(PortalClient Client, string Expected)>();
        foreach (var email in new[] { "comite@cqp.test", "staff@cqp.test", "admin@cqp.test", "candidat@cqp.test", "evaluateur@cqp.test", "jury@cqp.test" })
        {
            var client = PortalClient.For(portal);
            await client.LoginAsync(email);
            clients.Add((client, "/Compte/AccesRefuse"));
        }
        clients.Add((PortalClient.For(portal), "/Compte/Connexion"));
        foreach (var (client, expected) in clients)
        {
            foreach (var url in new[] { Register, $"{Register}?handler=Pdf&id={certificate.Id}", $"{Register}?handler=Xlsx" })
            {
                var response = await client.Http.GetAsync(url);
                Assert.True(PortalClient.IsRedirectTo(response, expected), $"{url}: {response.StatusCode} {response.Headers.Location}");
            }
            var post = await client.Http.PostAsync($"{Register}?handler=Signed&id={certificate.Id}", new FormUrlEncodedContent([]));
            Assert.True(PortalClient.IsRedirectTo(post, expected) || post.StatusCode == HttpStatusCode.BadRequest, $"POST: {post.StatusCode}");
            client.Dispose();
        }
        Assert.Null((await Holders.CertificateOfAsync(portal, certificate.RegistrationId)).SignedAt);
    }

    [Fact]
    public async Task SIST_prints_the_certificate_with_its_number_and_the_three_signature_blocks()
    {
        var (holder, certificate) = await Holders.CertifiedAsync(portal);
        using var sist = await SistAsync();

        var (_, page) = await sist.GetAsync(Register);
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(holder.LastName));
        Assert.Contains(certificate.Number, row.TextContent);
        Assert.Contains("à signer", row.TextContent);

        var response = await sist.Http.GetAsync($"{Register}?handler=Pdf&id={certificate.Id}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        foreach (var expected in new[] { certificate.Number, $"{holder.FirstName} {holder.LastName}", "Pour la CPNEFP", "Pour le SIST", "Le titulaire", "CQP Télésecrétaire qualifié(e)" })
            Assert.Contains(expected, text);
        Assert.Equal(HttpStatusCode.NotFound, (await sist.Http.GetAsync($"{Register}?handler=Pdf&id=999999999")).StatusCode);
    }

    [Fact]
    public async Task Once_marked_signed_the_holder_finds_the_certificate_in_their_documents_and_is_told_then_SIST_marks_it_sent()
    {
        var (holder, certificate) = await Holders.CertifiedAsync(portal, withAccount: true);
        using var sist = await SistAsync();

        // Sent before signed: refused, in French, nothing saved.
        var early = await sist.Http.PostAsync($"{Register}?handler=Sent&id={certificate.Id}", await TokenAsync(sist));
        Assert.True(PortalClient.IsRedirectTo(early, Register));
        var (_, refusedPage) = await sist.GetAsync(Register);
        Assert.Contains("Marquez d'abord le certificat signé", refusedPage.QuerySelector(".notice.error")!.TextContent);
        Assert.Null((await Holders.CertificateOfAsync(portal, holder.RegistrationId)).SentAt);

        Assert.True(PortalClient.IsRedirectTo(await PostAsync(sist, "Signed", certificate.Id), Register));
        var signed = await Holders.CertificateOfAsync(portal, holder.RegistrationId);
        Assert.NotNull(signed.SignedAt);
        Assert.NotNull(signed.SignedByUserId);
        var mail = portal.Mail.LatestTo(holder.Email);
        Assert.Contains("Votre certificat du CQP Télésecrétaire qualifié(e) est signé", mail);
        Assert.Contains(certificate.Number, mail);

        // Signed twice: refused, and no second document.
        await sist.Http.PostAsync($"{Register}?handler=Signed&id={certificate.Id}", await TokenAsync(sist));
        var (_, twice) = await sist.GetAsync(Register);
        Assert.Contains("déjà marqué signé", twice.QuerySelector(".notice.error")!.TextContent);
        Assert.Equal(1, await Holders.QueryAsync(portal, db => db.CandidateDocuments.CountAsync(d => d.CandidateId == holder.CandidateId)));

        using var candidate = PortalClient.For(portal);
        await candidate.LoginAsync(holder.AccountEmail!, TestAccounts.Password);
        var (_, home) = await candidate.GetAsync("/Candidat");
        var link = home.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Certificat – "));
        var download = await candidate.Http.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains(certificate.Number, PdfText.Of(await download.Content.ReadAsByteArrayAsync()));

        Assert.True(PortalClient.IsRedirectTo(await PostAsync(sist, "Sent", certificate.Id), Register));
        Assert.NotNull((await Holders.CertificateOfAsync(portal, holder.RegistrationId)).SentAt);
        var (_, page) = await sist.GetAsync(Register);
        Assert.Contains("envoyé", page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(holder.LastName)).TextContent);

    }

    [Fact]
    public async Task The_register_exports_to_xlsx_with_the_holders_and_those_certified_before_the_portal()
    {
        var (holder, certificate) = await Holders.CertifiedAsync(portal);
        var imported = await Holders.DecidedAsync(portal, JuryResult.NotValidated, validatedUnits: 0);
        await Holders.QueryAsync(portal, async db =>
        {
            await db.Registrations.Where(r => r.Id == imported.RegistrationId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CertifiedOn, new DateOnly(2019, 6, 14)));
            return 0;
        });
        using var sist = await SistAsync();

        var response = await sist.Http.GetAsync($"{Register}?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = rows.Single(r => (string?)r["Titulaire"] == $"{holder.FirstName} {holder.LastName}");
        Assert.Equal((certificate.Number, holder.DecidedOn.ToString("dd/MM/yyyy"), "CQP Télésecrétaire qualifié(e)", "à signer"),
            ((string?)row["Numéro"], (string?)row["Date d'obtention"], (string?)row["Certification"], (string?)row["État"]));
        var before = rows.Single(r => (string?)r["Titulaire"] == $"{imported.FirstName} {imported.LastName}");
        Assert.Equal((null, "14/06/2019", "antérieur au portail"), ((string?)before["Numéro"], (string?)before["Date d'obtention"], (string?)before["État"]));
    }

    /// <summary>A form body with a valid anti-forgery token of this client (from the register page).</summary>
    private static async Task<FormUrlEncodedContent> TokenAsync(PortalClient client)
    {
        var (_, page) = await client.GetAsync(Register);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]);
    }
}
