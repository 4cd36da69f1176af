using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class CompanyFollowingTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_manager_follows_an_employee_who_agreed_from_pre_registration_to_admissibility_and_convocation_with_an_email_at_each()
    {
        var email = $"noa-{Guid.NewGuid():N}"[..16] + "@exemple.fr";
        var lastName = "Suivi" + Guid.NewGuid().ToString("N")[..5];
        var place = "Centre Suivi " + Guid.NewGuid().ToString("N")[..5];
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            // The session the employee will sign up for: not the journey, so straight into the database.
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            var startsAt = DateTimeOffset.UtcNow.AddDays(9);
            db.Sessions.Add(new Session
            {
                CertificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(), Kind = SessionKind.Evaluation, StartsAt = startsAt,
                DurationMinutes = 180, PlaceName = place, Address = "5 place du Suivi", PostalCode = "59000", City = "Lille", Region = Region.Nord, Capacity = 8,
                RegistrationDeadline = DateOnly.FromDateTime(startsAt.UtcDateTime.AddDays(-2)),
            });
            await db.SaveChangesAsync();
        }

        // The manager pre-registers the employee.
        await using var managerContext = await portal.SignedInAsync("manager@cqp.test");
        var manager = await managerContext.NewPageAsync();
        await manager.GotoAsync("/Entreprise");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Pré-inscrire un salarié" }).ClickAsync();
        await manager.GetByLabel("Prénom").FillAsync("Noa");
        await manager.GetByLabel("Nom", new() { Exact = true }).FillAsync(lastName);
        await manager.GetByLabel("Adresse électronique").FillAsync(email);
        await manager.GetByLabel("Formation", new() { Exact = true }).CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Envoyer la pré-inscription" }).ClickAsync();
        await Assertions.Expect(manager.GetByText($"Pré-inscription envoyée à {email}")).ToBeVisibleAsync();

        // The employee activates the account, completes the form and agrees to be followed.
        await using var employeeContext = await portal.NewVisitorAsync();
        var employee = await employeeContext.NewPageAsync();
        await employee.GotoAsync(new Uri(MailFolder.FirstLink(portal.Mail.LatestTo(email), "/Compte/Activer")).PathAndQuery);
        await employee.GetByLabel("Mot de passe", new() { Exact = false }).First.FillAsync("Bonjour-2026!");
        await employee.GetByLabel("Confirmation").FillAsync("Bonjour-2026!");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();
        await employee.GetByLabel("Date de naissance").FillAsync("1993-09-14");
        await employee.GetByLabel("Homme").CheckAsync();
        await employee.GetByLabel("Région").SelectOptionAsync("HautsDeFrance");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await employee.GetByLabel("Financement envisagé").SelectOptionAsync("ProA");
        await employee.GetByLabel("Niveau de votre plus haut diplôme ou titre").SelectOptionAsync("4");
        await employee.GetByLabel("Plus haut diplôme obtenu").SelectOptionAsync("ProfessionalBaccalaureate");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await employee.GetByLabel("Mois d'expérience continue en télésecrétariat").FillAsync("10");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await employee.GetByLabel("Fichier").SetInputFilesAsync(new FilePayload { Name = "attestation.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await employee.GetByRole(AriaRole.Button, new() { Name = "Joindre le fichier" }).ClickAsync();
        await Assertions.Expect(employee.GetByText("Justificatif joint : attestation.pdf")).ToBeVisibleAsync();
        await employee.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await employee.GetByLabel("J'ai lu la notice").CheckAsync();
        // Sent without answering the company question: the page asks for it and keeps the ticked notice.
        await employee.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon inscription" }).ClickAsync();
        await Assertions.Expect(employee.GetByText("Indiquez si votre entreprise peut suivre votre dossier")).ToBeVisibleAsync();
        await Assertions.Expect(employee.GetByLabel("J'ai lu la notice")).ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(employee);
        await employee.GetByLabel("Oui, mon entreprise peut suivre mon dossier").CheckAsync();
        await employee.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon inscription" }).ClickAsync();
        await Assertions.Expect(employee.GetByText("Votre inscription est envoyée")).ToBeVisibleAsync();

        // Staff declare the file admissible.
        await using var staffContext = await portal.SignedInAsync("staff@cqp.test");
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync("/Staff/Recevabilite");
        await staff.GetByRole(AriaRole.Link, new() { Name = $"{lastName.ToUpperInvariant()} Noa" }).ClickAsync();
        await staff.GetByLabel("Recevable", new() { Exact = true }).CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision et envoyer la lettre" }).ClickAsync();
        await Assertions.Expect(staff.GetByText($"Décision enregistrée pour Noa {lastName}")).ToBeVisibleAsync();

        // The manager sees the decision (the employees list is paged: he searches her name).
        await manager.GotoAsync($"/Entreprise?q={lastName}");
        var row = manager.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Noa {lastName}" });
        await Assertions.Expect(row).ToContainTextAsync("Recevable");
        await manager.GetByRole(AriaRole.Link, new() { Name = $"Noa {lastName}" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = $"Noa {lastName}" })).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByText("Aucune convocation à venir.")).ToBeVisibleAsync();
        var fileUrl = manager.Url;

        // The employee signs up for the evaluation; the manager sees the convocation.
        await employee.GotoAsync("/Candidat/Sessions");
        await employee.GetByRole(AriaRole.Button, new() { Name = place, Exact = false }).ClickAsync();
        await Assertions.Expect(employee.GetByText("Vous êtes inscrit(e)")).ToBeVisibleAsync();
        await manager.GotoAsync(fileUrl);
        var convocation = manager.GetByRole(AriaRole.Row).Filter(new() { HasText = place });
        await Assertions.Expect(convocation).ToContainTextAsync("Évaluation");
        await Assertions.Expect(convocation).ToContainTextAsync("5 place du Suivi, 59000 Lille");
        await Accessibility.AssertNoSeriousViolationsAsync(manager);

        // …and has both e-mails.
        var mails = portal.Mail.All().Where(m => m.Contains("To: manager@cqp.test", StringComparison.OrdinalIgnoreCase) && m.Contains($"Noa {lastName}")).ToList();
        Assert.Contains(mails, m => m.Contains($"Subject: Recevabilité de la candidature de Noa {lastName}") && m.Contains("est déclarée recevable"));
        Assert.Contains(mails, m => m.Contains($"Subject: Convocation de Noa {lastName}") && m.Contains(place));
    }
}
