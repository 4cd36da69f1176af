using System.Net;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Admissibility;

[Collection(PortalCollection.Name)]
public class AdmissibilityDecisionTests(DemoPortal portal)
{
    /// <summary>A candidate account with a submitted registration; returns the signed-in client and the registration id.</summary>
    private async Task<(PortalClient Client, int RegistrationId)> SubmittedCandidateAsync(string lastName)
    {
        var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate, $"Inès {lastName}");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == client.Email);
        var registration = new Registration
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Training,
            Funding = Funding.Cpf, EmploymentStatus = EmploymentStatus.JobSeeker, EducationLevel = 3, TeleSecretaryMonths = 9,
            Region = Region.Sud, State = RegistrationState.Submitted, RegisteredOn = new DateOnly(2026, 11, 2),
            PrivacyConsentAt = DateTimeOffset.UtcNow,
        };
        db.Candidates.Add(new Candidate
        {
            UserId = user.Id, FirstName = "Inès", LastName = lastName, Email = client.Email!, BirthDate = new DateOnly(1992, 3, 1),
            Sex = Sex.Female, Region = Region.Sud, Registrations = [registration],
        });
        await db.SaveChangesAsync();
        return (client, registration.Id);
    }

    private static Dictionary<string, string> Decision(string decision, string motive) => new() { ["Input.Decision"] = decision, ["Input.Motive"] = motive };

    [Fact]
    public async Task Staff_refuse_with_a_motive_and_the_candidate_gets_the_letter_and_an_email()
    {
        var (candidate, id) = await SubmittedCandidateAsync("Refus");
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");

        var (_, queue) = await staff.GetAsync($"/Staff/Recevabilite?q={id}");
        Assert.Contains(queue.QuerySelectorAll("td a"), a => a.GetAttribute("href") == $"/Staff/Recevabilite/Dossier/{id}");

        var unmotivated = await staff.SubmitAsync($"/Staff/Recevabilite/Dossier/{id}", Decision("NotAdmissible", ""));
        Assert.Equal(HttpStatusCode.OK, unmotivated.StatusCode);
        Assert.Contains("doit être motivée", (await PortalClient.ParseAsync(unmotivated)).QuerySelector("#motive-error")!.TextContent);

        const string motive = "Neuf mois de télésecrétariat sans diplôme de niveau 4 : douze mois sont demandés.";
        var decided = await staff.SubmitAsync($"/Staff/Recevabilite/Dossier/{id}", Decision("NotAdmissible", motive));
        Assert.True(PortalClient.IsRedirectTo(decided, "/Staff/Recevabilite"), $"{decided.StatusCode}");

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var registration = await db.Registrations.Include(r => r.History).SingleAsync(r => r.Id == id);
        Assert.Equal(RegistrationState.NotAdmissible, registration.State);
        var change = registration.History.Single(h => h.To == RegistrationState.NotAdmissible);
        Assert.Equal(motive, change.Comment);
        Assert.Equal((await db.Users.SingleAsync(u => u.Email == "staff@cqp.test")).Id, change.ByUserId);

        Assert.Contains("n'est pas recevable", portal.Mail.LatestTo(candidate.Email!));
        var (home, page) = await candidate.GetAsync("/Candidat");
        Assert.Contains(motive, page.Body!.TextContent);
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent == "Décision sur la recevabilité").GetAttribute("href")!;
        var letter = await candidate.Http.GetAsync(link);
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", letter.Content.Headers.ContentDisposition!.DispositionType);
        var text = PdfText.Of(await letter.Content.ReadAsByteArrayAsync());
        Assert.Contains("n’est pas recevable".Replace('’', '\''), text.Replace('’', '\''));
        Assert.Contains("douze mois sont demandés", text);
        Assert.Contains("Claire Dubois", text);
        candidate.Dispose();
    }

    [Fact]
    public async Task An_incomplete_file_is_completed_and_resubmitted_by_the_candidate_then_declared_admissible()
    {
        var (candidate, id) = await SubmittedCandidateAsync("Incomplet");
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        await staff.SubmitAsync($"/Staff/Recevabilite/Dossier/{id}", Decision("Incomplete", "Attestation d'employeur manquante."));
        Assert.Contains("est incomplet", portal.Mail.LatestTo(candidate.Email!));

        var (_, home) = await candidate.GetAsync("/Candidat");
        Assert.Contains("Compléter mon dossier", home.Body!.TextContent);
        await Registrations.ProofUpload.UploadAsync(candidate, "Experience", "attestation.pdf", Registrations.ProofUpload.Pdf);
        var resent = await candidate.SubmitAsync("/Candidat/Inscription/Envoi", new Dictionary<string, string> { ["Consent"] = "true" });
        Assert.True(PortalClient.IsRedirectTo(resent, "/Candidat"));

        var admitted = await staff.SubmitAsync($"/Staff/Recevabilite/Dossier/{id}", Decision("Admissible", ""));
        Assert.True(PortalClient.IsRedirectTo(admitted, "/Staff/Recevabilite"));
        var (_, after) = await candidate.GetAsync("/Candidat");
        Assert.Contains("Recevable", after.Body!.TextContent);
        Assert.Contains("jours restants", after.Body.TextContent);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var registration = await db.Registrations.Include(r => r.History).SingleAsync(r => r.Id == id);
        Assert.Equal(new DateOnly(2026, 11, 2), registration.RegisteredOn); // the first submission stays the registration date
        Assert.Equal([RegistrationState.Incomplete, RegistrationState.Submitted, RegistrationState.Admissible],
            registration.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => h.To).ToList());
        // The two decision letters, beside the receipt of the file sent again.
        Assert.Equal(2, await db.CandidateDocuments.CountAsync(d => d.RegistrationId == id && d.Title != CqpPortal.Web.Registrations.RegistrationReceipt.Title));
        Assert.Equal(1, await db.CandidateDocuments.CountAsync(d => d.RegistrationId == id && d.Title == CqpPortal.Web.Registrations.RegistrationReceipt.Title));
        candidate.Dispose();
    }

    [Fact]
    public async Task A_decided_file_cannot_be_decided_again()
    {
        var (candidate, id) = await SubmittedCandidateAsync("Double");
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        var (_, form) = await staff.GetAsync($"/Staff/Recevabilite/Dossier/{id}");
        await staff.SubmitAsync($"/Staff/Recevabilite/Dossier/{id}", Decision("Admissible", ""));
        // A second tab still shows the form: its late post is refused with a French message.
        var late = await staff.PostFormAsync(form.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Decision")),
            $"/Staff/Recevabilite/Dossier/{id}", Decision("NotAdmissible", "Trop tard"));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("déjà reçu une décision", (await PortalClient.ParseAsync(late)).Body!.TextContent);
        candidate.Dispose();
    }

    [Fact]
    public async Task A_letter_is_served_to_its_owner_and_staff_only()
    {
        var (owner, id) = await SubmittedCandidateAsync("Proprietaire");
        using var staff = PortalClient.For(portal);
        await staff.LoginAsync("staff@cqp.test");
        await staff.SubmitAsync($"/Staff/Recevabilite/Dossier/{id}", Decision("Admissible", ""));
        await using var scope = portal.Services.CreateAsyncScope();
        var documentId = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().CandidateDocuments.Where(d => d.RegistrationId == id).Select(d => d.Id).SingleAsync();

        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"/Candidat/Document/{documentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/Staff/Document/{documentId}")).StatusCode);
        using var other = PortalClient.For(portal);
        await other.LoginAsync("candidat2@cqp.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Candidat/Document/{documentId}")).StatusCode);
        using var manager = PortalClient.For(portal);
        await manager.LoginAsync("manager@cqp.test");
        Assert.True(PortalClient.IsRedirectTo(await manager.Http.GetAsync($"/Candidat/Document/{documentId}"), "/Compte/AccesRefuse"));
        Assert.True(PortalClient.IsRedirectTo(await manager.Http.GetAsync($"/Staff/Document/{documentId}"), "/Compte/AccesRefuse"));
        Assert.True(PortalClient.IsRedirectTo(await manager.Http.GetAsync($"/Staff/Recevabilite/Dossier/{id}"), "/Compte/AccesRefuse"));
        using var anonymous = PortalClient.For(portal);
        Assert.True(PortalClient.IsRedirectTo(await anonymous.Http.GetAsync($"/Candidat/Document/{documentId}"), "/Compte/Connexion"));
        owner.Dispose();
    }
}
