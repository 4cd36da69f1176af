using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Registrations;

/// <summary>The « Justificatifs » step: typed proofs for every route, checked as the VAE uploads, read by their owner and staff only.</summary>
[Collection(PortalCollection.Name)]
public class RegistrationProofTests(DemoPortal portal)
{
    /// <summary>A candidate account with a registration in <paramref name="state"/> (answers filled, no proof); the client and the registration id.</summary>
    private async Task<(PortalClient Client, int RegistrationId)> CandidateAsync(string lastName, RegistrationState state = RegistrationState.Draft)
    {
        var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate, $"Yasmine {lastName}");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == client.Email);
        var registration = new Registration
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Free,
            Funding = Funding.Personal, EmploymentStatus = EmploymentStatus.JobSeeker, EducationLevel = 4, TeleSecretaryMonths = 14,
            Region = Region.Sud, State = state, RegisteredOn = state == RegistrationState.Draft ? null : new DateOnly(2026, 11, 2),
            PrivacyConsentAt = state == RegistrationState.Draft ? null : DateTimeOffset.UtcNow,
        };
        db.Candidates.Add(new Candidate
        {
            UserId = user.Id, FirstName = "Yasmine", LastName = lastName, Email = client.Email!, BirthDate = new DateOnly(1990, 2, 3),
            Sex = Sex.Female, Region = Region.Sud, Registrations = [registration],
        });
        await db.SaveChangesAsync();
        return (client, registration.Id);
    }

    private async Task<List<RegistrationProof>> ProofsAsync(int registrationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().RegistrationProofs.AsNoTracking()
            .Where(p => p.RegistrationId == registrationId).OrderBy(p => p.Id).ToListAsync();
    }

    [Fact]
    public async Task A_free_candidate_cannot_send_the_file_before_joining_a_proof_of_experience_then_sends_it()
    {
        var (client, id) = await CandidateAsync("SansPiece");
        var (_, summary) = await client.GetAsync("/Candidat/Inscription/Envoi");
        Assert.Contains("Au moins un justificatif d'expérience", summary.QuerySelector("#proofs-missing")!.ParentElement!.TextContent);
        var refused = await client.SubmitAsync("/Candidat/Inscription/Envoi", new Dictionary<string, string> { ["Consent"] = "true" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Joignez d'abord vos justificatifs", (await PortalClient.ParseAsync(refused)).Body!.TextContent);

        var diploma = await ProofUpload.UploadAsync(client, "Diploma", "bac.pdf", ProofUpload.Pdf);
        Assert.Contains("Justificatif joint : bac.pdf", (await PortalClient.ParseAsync(diploma)).Body!.TextContent);
        Assert.NotNull((await client.GetAsync("/Candidat/Inscription/Envoi")).Document.QuerySelector("#proofs-missing")); // a diploma is no proof of experience
        await ProofUpload.UploadAsync(client, "Experience", "certificat de travail.pdf", ProofUpload.Pdf);

        var sent = await client.SubmitAsync("/Candidat/Inscription/Envoi", new Dictionary<string, string> { ["Consent"] = "true" });
        Assert.True(PortalClient.IsRedirectTo(sent, "/Candidat"), $"{sent.StatusCode}");
        var proofs = await ProofsAsync(id);
        Assert.Equal([ProofKind.Diploma, ProofKind.Experience], proofs.Select(p => p.Kind));
        Assert.Equal("certificat de travail.pdf", proofs[1].FileName);

        // Once sent, the proofs are locked: no field, and a removal changes nothing.
        var (_, locked) = await client.GetAsync("/Candidat/Inscription/Justificatifs");
        Assert.Null(locked.QuerySelector("#upload"));
        Assert.Contains("bac.pdf", locked.Body!.TextContent);
        client.Dispose();
    }

    [Theory]
    [InlineData("HTML renamed .pdf")]
    [InlineData("12 MB file")]
    public async Task A_refused_file_gets_a_french_message_beside_the_field_the_kind_stays_chosen_and_nothing_is_stored(string what)
    {
        var (name, content) = what == "12 MB file"
            ? ("enorme.pdf", (byte[])[.. "%PDF-1.4\n"u8, .. new byte[12 * 1024 * 1024]])
            : ("attestation.pdf", "<!DOCTYPE html><html><script>alert('x')</script></html>"u8.ToArray());
        var (client, id) = await CandidateAsync("Refus" + what.Length);
        var response = await ProofUpload.UploadAsync(client, "Diploma", name, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Matches("ni un PDF|10 Mo au plus par fichier", page.QuerySelector("#upload-error")!.TextContent);
        Assert.NotNull(page.QuerySelector("#proof-kind option[value=Diploma]")!.GetAttribute("selected"));
        Assert.Empty(await ProofsAsync(id));
        client.Dispose();
    }

    [Fact]
    public async Task A_proof_is_removed_while_the_file_is_editable()
    {
        var (client, id) = await CandidateAsync("Retrait");
        await ProofUpload.UploadAsync(client, "Experience", "contrat.pdf", ProofUpload.Pdf);
        var proof = Assert.Single(await ProofsAsync(id));
        var (_, page) = await client.GetAsync("/Candidat/Inscription/Justificatifs");
        var button = page.QuerySelectorAll("button").First(b => b.TextContent.Contains("Retirer contrat.pdf"));
        var removed = await client.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)button.Closest("form")!, button.GetAttribute("formaction")!, new Dictionary<string, string>());
        Assert.Contains("Justificatif retiré : contrat.pdf", (await PortalClient.ParseAsync(removed)).Body!.TextContent);
        Assert.Empty(await ProofsAsync(id));
        client.Dispose();
    }

    [Fact]
    public async Task A_proof_is_read_by_its_owner_and_staff_as_an_uncached_attachment_and_anyone_else_gets_404()
    {
        var (owner, id) = await CandidateAsync("Proprietaire");
        await ProofUpload.UploadAsync(owner, "Experience", "bulletin de salaire.pdf", ProofUpload.Pdf);
        var proofId = Assert.Single(await ProofsAsync(id)).Id;

        var own = await owner.Http.GetAsync($"/Candidat/Inscription/Justificatif/{proofId}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(own.Headers.CacheControl!.NoStore);
        Assert.Equal(ProofUpload.Pdf, await own.Content.ReadAsByteArrayAsync());

        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/Staff/Recevabilite/Justificatif/{proofId}")).StatusCode);

        var (other, _) = await CandidateAsync("Curieuse");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Candidat/Inscription/Justificatif/{proofId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync("/Candidat/Inscription/Justificatif/987654321")).StatusCode);
        using var manager = PortalClient.For(portal);
        await manager.LoginAsync("manager@cqp.test");
        Assert.False((await manager.Http.GetAsync($"/Candidat/Inscription/Justificatif/{proofId}")).IsSuccessStatusCode);
        owner.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task Staff_return_the_file_asking_for_named_documents_and_the_candidate_resubmits_only_once_each_is_joined()
    {
        var (candidate, id) = await CandidateAsync("Demande", RegistrationState.Submitted);
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var returned = await staff.SubmitAsync($"/Staff/Recevabilite/Dossier/{id}", new Dictionary<string, string>
        {
            ["Input.Decision"] = "Incomplete", ["Input.Motive"] = "", ["Input.RequestedDocuments"] = "Attestation d'employeur 2024\nCopie du diplôme",
        });
        Assert.True(PortalClient.IsRedirectTo(returned, "/Staff/Recevabilite"), $"{returned.StatusCode}");
        var mail = portal.Mail.LatestTo(candidate.Email!);
        Assert.Contains("Attestation d'employeur 2024", mail);
        Assert.Contains("Copie du diplôme", mail);

        var (_, home) = await candidate.GetAsync("/Candidat");
        Assert.Contains("Attestation d'employeur 2024", home.Body!.TextContent);
        int[] requests;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            requests = await db.DocumentRequests.Where(d => d.RegistrationId == id).OrderBy(d => d.Id).Select(d => d.Id).ToArrayAsync();
            var letter = await db.CandidateDocuments.Where(d => d.RegistrationId == id).Select(d => d.Content).SingleAsync();
            Assert.Contains("Copie du diplôme", PdfText.Of(letter));
        }
        Assert.Equal(2, requests.Length);

        await ProofUpload.UploadAsync(candidate, "Experience", "certificat.pdf", ProofUpload.Pdf);
        await ProofUpload.UploadAsync(candidate, $"Request-{requests[0]}", "attestation-2024.pdf", ProofUpload.Pdf);
        var early = await candidate.SubmitAsync("/Candidat/Inscription/Envoi", new Dictionary<string, string> { ["Consent"] = "true" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("« Copie du diplôme »", (await PortalClient.ParseAsync(early)).QuerySelector("#proofs-missing")!.ParentElement!.TextContent);

        await ProofUpload.UploadAsync(candidate, $"Request-{requests[1]}", "diplome.pdf", ProofUpload.Pdf);
        Assert.True(PortalClient.IsRedirectTo(await candidate.SubmitAsync("/Candidat/Inscription/Envoi", new Dictionary<string, string> { ["Consent"] = "true" }), "/Candidat"));

        var (_, file) = await staff.GetAsync($"/Staff/Recevabilite/Dossier/{id}");
        var text = file.Body!.TextContent;
        Assert.Contains("répond à la demande « Copie du diplôme »", text);
        Assert.Contains("certificat.pdf", text);
        candidate.Dispose();
    }

    [Fact]
    public async Task Documents_are_asked_for_only_with_an_incomplete_decision()
    {
        var (candidate, id) = await CandidateAsync("MauvaiseDemande", RegistrationState.Submitted);
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var refused = await staff.SubmitAsync($"/Staff/Recevabilite/Dossier/{id}", new Dictionary<string, string>
        {
            ["Input.Decision"] = "Admissible", ["Input.Motive"] = "", ["Input.RequestedDocuments"] = "Diplôme",
        });
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("qu'avec la décision « Incomplet »", page.QuerySelector("#requested-error")!.TextContent);
        Assert.Equal("Diplôme", page.QuerySelector("#Input_RequestedDocuments")!.TextContent.Trim());
        candidate.Dispose();
    }
}
