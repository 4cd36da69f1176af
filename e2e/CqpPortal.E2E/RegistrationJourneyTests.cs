using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class RegistrationJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_visitor_creates_an_account_registers_in_steps_and_is_found_admissible_while_only_their_employer_sees_them()
    {
        var email = $"lea-{Guid.NewGuid():N}"[..16] + "@exemple.fr";
        string siret;
        await using (var scope = portal.Services.CreateAsyncScope())
            siret = await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Companies.OrderBy(c => c.Id).Select(c => c.Siret).FirstAsync();

        await using var visitor = await portal.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).ClickAsync();
        await page.GetByLabel("Prénom").FillAsync("Léa");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Fontaine");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = false }).First.FillAsync("Bonjour-2026!");
        await page.GetByLabel("Confirmation du mot de passe").FillAsync("Bonjour-2026!");
        await page.GetByLabel("J'ai lu la notice").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vérifiez votre messagerie" })).ToBeVisibleAsync();

        // The confirmation link, read from the .eml the portal wrote.
        await page.GotoAsync(new Uri(MailFolder.FirstLink(portal.Mail.LatestTo(email), "/Compte/ConfirmerEmail")).PathAndQuery);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Adresse confirmée" })).ToBeVisibleAsync();
        await page.GotoAsync("/Compte/Connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("Bonjour-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "remplissez le bulletin d'inscription" }).ClickAsync();

        // Step 1, with one deliberate error: a birth date that makes a 6-year-old.
        await page.GetByLabel("Date de naissance").FillAsync("2020-05-04");
        await page.GetByLabel("Femme").CheckAsync();
        await page.GetByLabel("Région").SelectOptionAsync("HautsDeFrance");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("le candidat doit avoir entre 16 et 80 ans")).ToBeVisibleAsync();
        Assert.Equal("HautsDeFrance", await page.GetByLabel("Région").InputValueAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Date de naissance").FillAsync("1991-05-04");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();

        // Step 2: route, funding, employer.
        await page.GetByLabel("Formation", new() { Exact = false }).First.CheckAsync();
        await page.GetByLabel("Financement envisagé").SelectOptionAsync("ProA");
        await page.GetByLabel("Salarié(e)").CheckAsync();
        await page.GetByLabel("Nom de l'entreprise").FillAsync("Allo Secrétariat Services");
        await page.GetByLabel("SIRET de l'établissement").FillAsync(siret);
        await page.GetByLabel("Niveau de votre plus haut diplôme ou titre").SelectOptionAsync("4");
        await page.GetByLabel("Plus haut diplôme obtenu").SelectOptionAsync("ProfessionalBaccalaureate");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();

        // Step 3: experience.
        await page.GetByLabel("Mois d'expérience continue en télésecrétariat").FillAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();

        // Step 4: a proof of experience (RegistrationProofTests follows the proofs further).
        await page.GetByLabel("Fichier").SetInputFilesAsync(new FilePayload { Name = "certificat.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Joindre le fichier" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Justificatif joint : certificat.pdf")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();

        // Step 5: the pre-check says the conditions are met; consent and send.
        await Assertions.Expect(page.GetByText("vous remplissez les conditions d'accès")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("J'ai lu la notice").CheckAsync();
        await page.GetByLabel("Oui, mon entreprise peut suivre mon dossier").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon inscription" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Votre inscription est envoyée")).ToBeVisibleAsync();

        // Staff find the file in the queue and declare it admissible.
        await using var staffContext = await portal.SignedInAsync("staff@cqp.test");
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync("/Staff/Recevabilite");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        await staff.GetByRole(AriaRole.Link, new() { Name = "FONTAINE Léa" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("Conditions remplies", new() { Exact = false }).Or(staff.GetByText("Article 3, première condition"))).ToBeVisibleAsync();
        await staff.GetByLabel("Recevable", new() { Exact = true }).CheckAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision et envoyer la lettre" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("Décision enregistrée pour Léa Fontaine")).ToBeVisibleAsync();

        // The candidate sees the decision and downloads the letter.
        await page.GotoAsync("/Candidat");
        await Assertions.Expect(page.GetByText("Candidature recevable")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Décision sur la recevabilité" }).ClickAsync());
        var path = await download.PathAsync();
        Assert.Contains("déclarée recevable", PdfText.Of(await File.ReadAllBytesAsync(path)));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // She signs up for the first open evaluation and downloads her convocation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes sessions", Exact = false }).First.ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "M'inscrire", Exact = false }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Vous êtes inscrit(e)")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ajouter à mon agenda (.ics)" })).ToBeVisibleAsync();
        await page.GotoAsync("/Candidat");
        var convocation = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Convocation", Exact = false }).First.ClickAsync());
        Assert.Contains("Convocation", PdfText.Of(await File.ReadAllBytesAsync(await convocation.PathAsync())));

        // Her employer's manager sees her; the other company's manager does not.
        await using var managerContext = await portal.SignedInAsync("manager@cqp.test");
        var manager = await managerContext.NewPageAsync();
        await manager.GotoAsync("/Entreprise");
        await Assertions.Expect(manager.GetByRole(AriaRole.Cell, new() { Name = "Léa Fontaine" })).ToBeVisibleAsync();
        await using var otherContext = await portal.SignedInAsync("manager2@cqp.test");
        var other = await otherContext.NewPageAsync();
        await other.GotoAsync("/Entreprise");
        await Assertions.Expect(other.GetByText("Léa Fontaine")).ToHaveCountAsync(0);
    }
}
