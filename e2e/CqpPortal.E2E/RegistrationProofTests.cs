using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class RegistrationProofTests(BrowserPortal portal)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task A_free_candidate_sends_a_proof_staff_ask_for_another_document_and_the_candidate_adds_it_and_resubmits()
    {
        // A free candidate whose first three steps are answered (the steps themselves: RegistrationJourneyTests).
        var email = $"romane-{Guid.NewGuid():N}"[..15] + "@exemple.fr";
        int id;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Romane Preuve" };
            Assert.True((await users.CreateAsync(user, PortalClient.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Candidate);
            var registration = new Registration
            {
                CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Free, Funding = Funding.Personal,
                EmploymentStatus = EmploymentStatus.JobSeeker, EducationLevel = 4, TeleSecretaryMonths = 10, Region = Region.Ouest,
            };
            db.Candidates.Add(new Candidate
            {
                UserId = user.Id, FirstName = "Romane", LastName = "Preuve", Email = email, BirthDate = new DateOnly(1988, 4, 2),
                Sex = Sex.Female, Region = Region.Ouest, Registrations = [registration],
            });
            await db.SaveChangesAsync();
            id = registration.Id;
        }
        await using var candidateContext = await portal.SignedInAsync(email);
        var page = await candidateContext.NewPageAsync();

        // Step 4: a proof of experience, then the summary and the sending.
        await page.GotoAsync("/Candidat/Inscription/Justificatifs");
        await page.GetByLabel("Type de justificatif").SelectOptionAsync("Experience");
        await page.GetByLabel("Fichier").SetInputFilesAsync(new FilePayload { Name = "certificat-de-travail.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Joindre le fichier" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Justificatif joint : certificat-de-travail.pdf")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await page.GetByLabel("J'ai lu la notice").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon inscription" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Votre inscription est envoyée")).ToBeVisibleAsync();

        // Staff see the proof and return the file as incomplete, asking for a named document.
        await using var staffContext = await portal.SignedInAsync("staff@cqp.test");
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync($"/Staff/Recevabilite/Dossier/{id}");
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "certificat-de-travail.pdf" })).ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Radio, new() { Name = "Incomplet", Exact = false }).CheckAsync();
        await staff.GetByLabel("Documents demandés", new() { Exact = false }).FillAsync("Attestation Pôle emploi");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision et envoyer la lettre" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("Décision enregistrée pour Romane Preuve")).ToBeVisibleAsync();
        Assert.Contains("Attestation Pôle emploi", portal.Mail.LatestTo(email));

        // The candidate sees the request on her home page, adds the document and sends the file again.
        await page.GotoAsync("/Candidat");
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Attestation Pôle emploi" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "« Justificatifs »" }).ClickAsync();
        await page.GetByLabel("Type de justificatif").SelectOptionAsync(new SelectOptionValue { Label = "Document demandé : Attestation Pôle emploi" });
        await page.GetByLabel("Fichier").SetInputFilesAsync(new FilePayload { Name = "attestation.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Joindre le fichier" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Justificatif joint : attestation.pdf")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await page.GetByLabel("J'ai lu la notice").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon inscription" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Votre inscription est envoyée")).ToBeVisibleAsync();

        await staff.GotoAsync($"/Staff/Recevabilite/Dossier/{id}");
        await Assertions.Expect(staff.GetByText("répond à la demande « Attestation Pôle emploi »")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
    }
}
