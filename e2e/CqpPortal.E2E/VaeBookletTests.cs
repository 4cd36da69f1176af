using CqpPortal.Domain.Time;
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
public class VaeBookletTests(BrowserPortal portal)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    private static async Task FillJobAsync(IPage page, int i, string employer, string title, string kind, string from, string to)
    {
        await page.Locator($"#job-{i}-employer").FillAsync(employer);
        await page.Locator($"#job-{i}-title").FillAsync(title);
        await page.Locator($"#job-{i}-kind").SelectOptionAsync(kind);
        await page.Locator($"#job-{i}-from").FillAsync(from);
        await page.Locator($"#job-{i}-to").FillAsync(to);
        await page.Locator($"#job-{i}-fte").FillAsync("100");
        await page.Locator($"#job-{i}-phone").FillAsync("80");
        await page.Locator($"#job-{i}-activities").FillAsync("Accueil téléphonique, prise de rendez-vous");
    }

    private static async Task UploadAsync(IPage page, string kind, string name)
    {
        await page.GetByLabel("Type de pièce").SelectOptionAsync(kind);
        await page.GetByLabel("Fichier", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Joindre le fichier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(name);
    }

    /// <summary>A VAE candidate admitted on her registration, with no booklet yet (the demo's Nadia Moreau has hers).</summary>
    private async Task<string> CandidateAsync(string lastName)
    {
        var email = $"vae-{Guid.NewGuid():N}"[..16] + "@exemple.fr";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Nadia {lastName}" };
        await users.CreateAsync(user, PortalClient.DemoPassword);
        await users.AddToRoleAsync(user, Roles.Candidate);
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var today = DayInParis.Today(TimeProvider.System);
        db.Candidates.Add(new Candidate
        {
            UserId = user.Id, Email = email, FirstName = "Nadia", LastName = lastName, BirthDate = new DateOnly(1986, 9, 12), Sex = Sex.Female, Region = Region.Ouest,
            Registrations =
            [
                new Registration
                {
                    CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Vae, State = RegistrationState.Admissible,
                    EducationLevel = 4, EmploymentStatus = EmploymentStatus.Employee, Region = Region.Ouest, RegisteredOn = today.AddMonths(-2),
                    TeleSecretaryMonths = 52, PrivacyConsentAt = DateTimeOffset.UtcNow,
                },
            ],
        });
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>Opens the waiting booklet of the candidate named <paramref name="listName"/>, decides, and returns the booklet's address.</summary>
    private static async Task<string> DecideAsync(IPage staff, string listName, string decision, string? item = null)
    {
        await staff.GotoAsync("/Staff/Vae");
        await staff.GetByRole(AriaRole.Link, new() { Name = listName }).First.ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        var address = staff.Url;
        await staff.GetByLabel(decision, new() { Exact = false }).First.CheckAsync();
        if (item is not null) await staff.GetByLabel("Élément 1").FillAsync(item);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Décision enregistrée");
        return address;
    }

    /// <summary>Describes one situation for every activity of one unit of booklet 2 not yet described, then saves (or sends).</summary>
    private static async Task WriteUnitAsync(IPage page, int unit, string button)
    {
        await page.GotoAsync($"/Candidat/Vae/Livret2?unit={unit}");
        var sections = page.Locator("form#booklet2 section");
        var count = await sections.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var section = sections.Nth(i);
            var code = (await section.Locator("h3").TextContentAsync())!.Split(' ')[0];
            var context = section.Locator("textarea[name$='.Context']").First;
            if ((await context.InputValueAsync()).Length > 0) continue;
            var name = (await context.GetAttributeAsync("name"))![..^".Context".Length];
            await context.FillAsync($"Récit de Nadia pour {code} : standard d'une clinique");
            await section.Locator($"textarea[name='{name}.Actions']").FillAsync("J'ai accueilli, qualifié et orienté les appels.");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
    }

    [Fact]
    public async Task A_vae_candidate_writes_both_booklets_and_staff_download_the_jury_pdf()
    {
        var lastName = "Valette" + Guid.NewGuid().ToString("N")[..4];
        var listName = $"{lastName.ToUpperInvariant()} Nadia";
        var email = await CandidateAsync(lastName);
        await using var candidateContext = await portal.SignedInAsync(email);
        var page = await candidateContext.NewPageAsync();
        await page.GotoAsync("/Candidat");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mon livret 1 VAE (demande de recevabilité)" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await FillJobAsync(page, 0, "Clinique du Parc", "Standardiste", "Switchboard", "2018-01-01", "2020-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un emploi" }).ClickAsync();
        await FillJobAsync(page, 1, "Cabinet Morel", "Télésecrétaire", "TeleSecretary", "2021-01-01", "2023-12-31");
        await UploadAsync(page, "EmployerAttestation", "attestation-clinique.pdf");
        await Assertions.Expect(page.Locator("#job-1-employer")).ToHaveValueAsync("Cabinet Morel"); // the upload kept the typed lines
        await page.GetByLabel("Je certifie sur l'honneur", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon livret 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("livret 1 est envoyé");

        await using var staffContext = await portal.SignedInAsync("staff@cqp.test");
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync("/Staff/Vae");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        await DecideAsync(staff, listName, "Incomplet", "Attestation du Cabinet Morel");

        await page.GotoAsync("/Candidat/Vae/Livret1");
        await Assertions.Expect(page.Locator("#a-completer + ul")).ToContainTextAsync("Attestation du Cabinet Morel");
        await UploadAsync(page, "EmployerAttestation", "attestation-morel.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon livret 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("livret 1 est envoyé");
        await DecideAsync(staff, listName, "Recevable");

        // Booklet 2, across two sign-ins.
        await page.GotoAsync("/Candidat/Vae/Livret2");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await WriteUnitAsync(page, 1, "Enregistrer le brouillon");
        await WriteUnitAsync(page, 2, "Enregistrer le brouillon");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Brouillon enregistré");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();

        await page.GotoAsync("/Compte/Connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(PortalClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Compte/Connexion"));
        await page.GotoAsync("/Candidat/Vae/Livret2?unit=1");
        await Assertions.Expect(page.Locator("textarea[name$='.Context']").First).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Récit de Nadia pour A\\.1\\.1"));
        await WriteUnitAsync(page, 3, "Enregistrer le brouillon");
        await WriteUnitAsync(page, 4, "Envoyer mon livret 2");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("livret 2 est envoyé");

        var bookletTwo = await DecideAsync(staff, listName, "Complet");
        await staff.GotoAsync(bookletTwo);
        var download = await staff.RunAndWaitForDownloadAsync(() => staff.GetByRole(AriaRole.Link, new() { Name = "Télécharger le dossier du jury (PDF)" }).ClickAsync());
        var text = PdfText.Of(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Contains($"Nadia {lastName}", text);
        Assert.Contains("Récit de Nadia pour A.4.", text);
        Assert.Contains("attestation-morel.pdf", text);
    }
}
