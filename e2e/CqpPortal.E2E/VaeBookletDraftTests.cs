using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using CqpPortal.Domain.Time;

namespace CqpPortal.E2E;

/// <summary>
/// Booklet 2 in the browser with its scripts: the draft saved as one types, kept in the browser across a lost connection
/// and an expired session and sent after signing in again, an older tab's text offered back, and files checked before
/// they are sent.
/// </summary>
[Collection(BrowserCollection.Name)]
public class VaeBookletDraftTests(BrowserPortal portal)
{
    private const string UnitOne = "/Candidat/Vae/Livret2?unit=1";

    /// <summary>A VAE candidate whose booklet 1 is admissible, so booklet 2 is open; returns the e-mail and the registration id.</summary>
    private async Task<(string Email, int RegistrationId)> WriterAsync(string lastName)
    {
        var email = $"vae-{Guid.NewGuid():N}"[..16] + "@exemple.fr";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Inès {lastName}" };
        await users.CreateAsync(user, PortalClient.DemoPassword);
        await users.AddToRoleAsync(user, Roles.Candidate);
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var today = DayInParis.Today(TimeProvider.System);
        var registration = new Registration
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Vae, State = RegistrationState.Admissible,
            EducationLevel = 3, EmploymentStatus = EmploymentStatus.Employee, Region = Region.Ouest, RegisteredOn = today.AddMonths(-2),
            TeleSecretaryMonths = 40, PrivacyConsentAt = DateTimeOffset.UtcNow,
        };
        db.Candidates.Add(new Candidate
        {
            UserId = user.Id, Email = email, FirstName = "Inès", LastName = lastName, BirthDate = new DateOnly(1982, 3, 4), Sex = Sex.Female,
            Region = Region.Ouest, Registrations = [registration],
        });
        await db.SaveChangesAsync();
        db.Booklets.Add(new Booklet { RegistrationId = registration.Id, Kind = BookletKind.Admissibility, State = BookletState.Admissible });
        await db.SaveChangesAsync();
        return (email, registration.Id);
    }

    private async Task<List<string>> SavedContextsAsync(int registrationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        return await db.BookletSituations.Where(s => db.Booklets.Any(b => b.Id == s.BookletId && b.RegistrationId == registrationId))
            .OrderBy(s => s.Id).Select(s => s.Context).ToListAsync();
    }

    private static ILocator Context(IPage page, string code) => page.GetByLabel($"Contexte ({code}, situation 1)");

    private static ILocator Autosave(IPage page) => page.Locator("#autosave-status");

    [Fact]
    public async Task Text_typed_survives_a_lost_connection_and_an_expired_session_and_is_saved_after_signing_in_again()
    {
        var (email, registrationId) = await WriterAsync("Brouillon");
        await using var context = await portal.SignedInAsync(email);
        var page = await context.NewPageAsync();
        await page.GotoAsync(UnitOne);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Saved as one types, without pressing a button.
        await Context(page, "A.1.1").FillAsync("Accueil des patients d'un cabinet de kinésithérapie");
        await Assertions.Expect(Autosave(page)).ToContainTextAsync("Brouillon enregistré automatiquement");
        Assert.Contains("Accueil des patients d'un cabinet de kinésithérapie", await SavedContextsAsync(registrationId));

        // The network fails: the text is kept, the next change sends it.
        await page.RouteAsync("**/Livret2?unit=1&handler=Autosave", route => route.AbortAsync());
        await Context(page, "A.1.2").FillAsync("Prise de rendez-vous");
        await Assertions.Expect(Autosave(page)).ToContainTextAsync("Connexion au serveur impossible");
        await page.UnrouteAsync("**/Livret2?unit=1&handler=Autosave");
        await Context(page, "A.1.2").FillAsync("Prise de rendez-vous pour trois praticiens");
        await Assertions.Expect(Autosave(page)).ToContainTextAsync("Brouillon enregistré automatiquement");
        Assert.Contains("Prise de rendez-vous pour trois praticiens", await SavedContextsAsync(registrationId));

        // The session expires (the cookies are gone): the text stays in this browser, the page says so.
        await context.ClearCookiesAsync();
        await Context(page, "A.1.3").FillAsync("Texte écrit après l'expiration de la session");
        await Assertions.Expect(Autosave(page)).ToContainTextAsync("Votre session a expiré");
        Assert.DoesNotContain("Texte écrit après l'expiration de la session", await SavedContextsAsync(registrationId));
        Assert.Contains("Texte écrit après l'expiration de la session", await page.EvaluateAsync<string>(
            "() => Object.keys(localStorage).filter(k => k.startsWith('cqp-brouillon:')).map(k => localStorage.getItem(k)).join()"));

        // Signing in again from the message's link comes back to the page, which sends the kept text.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reconnectez-vous" }).ClickAsync();
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(PortalClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Candidat/Vae/Livret2?unit=1"));
        await Assertions.Expect(Autosave(page)).ToContainTextAsync("Brouillon enregistré automatiquement");
        await Assertions.Expect(Context(page, "A.1.3")).ToHaveValueAsync("Texte écrit après l'expiration de la session");
        Assert.Contains("Texte écrit après l'expiration de la session", await SavedContextsAsync(registrationId));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('cqp-brouillon:')).length"));
    }

    [Fact]
    public async Task An_older_tab_is_told_its_text_was_not_saved_and_can_take_it_back_after_reloading()
    {
        var (email, registrationId) = await WriterAsync("DeuxOnglets");
        await using var context = await portal.SignedInAsync(email);
        var older = await context.NewPageAsync();
        await older.GotoAsync(UnitOne);
        var newer = await context.NewPageAsync();
        await newer.GotoAsync(UnitOne);

        await Context(newer, "A.1.1").FillAsync("Écrit dans le nouvel onglet");
        await Assertions.Expect(Autosave(newer)).ToContainTextAsync("Brouillon enregistré automatiquement");
        await Context(older, "A.1.1").FillAsync("Écrit dans l'ancien onglet");
        await Assertions.Expect(Autosave(older)).ToContainTextAsync("modifié entre-temps");
        Assert.Equal(["Écrit dans le nouvel onglet"], await SavedContextsAsync(registrationId));

        await older.ReloadAsync();
        await Assertions.Expect(Context(older, "A.1.1")).ToHaveValueAsync("Écrit dans le nouvel onglet");
        await Assertions.Expect(Autosave(older)).ToContainTextAsync("le livret a été modifié depuis");
        await Accessibility.AssertNoSeriousViolationsAsync(older);
        await older.GetByRole(AriaRole.Button, new() { Name = "Reprendre le texte gardé" }).ClickAsync();
        await Assertions.Expect(Context(older, "A.1.1")).ToHaveValueAsync("Écrit dans l'ancien onglet");
        await Assertions.Expect(Autosave(older)).ToContainTextAsync("Brouillon enregistré automatiquement");
        Assert.Equal(["Écrit dans l'ancien onglet"], await SavedContextsAsync(registrationId));
    }

    [Fact]
    public async Task Files_are_checked_in_the_browser_before_sending_and_evidence_is_attached_to_an_activity_and_removed()
    {
        var (email, _) = await WriterAsync("Fichiers");
        await using var context = await portal.SignedInAsync(email);
        var page = await context.NewPageAsync();
        await page.GotoAsync(UnitOne);
        await Assertions.Expect(page.Locator("#upload-limits")).ToContainTextAsync("10 Mo au plus par fichier");
        await Context(page, "A.1.1").FillAsync("Texte tapé avant de joindre");
        var file = page.GetByLabel("Fichier", new() { Exact = true });

        var uploads = 0;
        page.Request += (_, request) => { if (request.Url.Contains("handler=Upload")) uploads++; };
        await file.SetInputFilesAsync(new FilePayload { Name = "faux.pdf", MimeType = "application/pdf", Buffer = "<html><script>alert(1)</script></html>"u8.ToArray() });
        await Assertions.Expect(page.Locator("#upload-error")).ToContainTextAsync("« faux.pdf » n'est pas joint : ce n'est ni un PDF");
        await Assertions.Expect(file).ToHaveValueAsync("");
        await Assertions.Expect(file).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await file.SetInputFilesAsync(new FilePayload { Name = "vide.pdf", MimeType = "application/pdf", Buffer = [] });
        await Assertions.Expect(page.Locator("#upload-error")).ToContainTextAsync("le fichier est vide");
        var heavy = new byte[10 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(heavy);
        await file.SetInputFilesAsync(new FilePayload { Name = "lourd.pdf", MimeType = "application/pdf", Buffer = heavy });
        await Assertions.Expect(page.Locator("#upload-error")).ToContainTextAsync("10 Mo au plus par fichier");
        await Assertions.Expect(Context(page, "A.1.1")).ToHaveValueAsync("Texte tapé avant de joindre");
        Assert.Equal(0, uploads);

        await page.GetByLabel("Activité que la pièce illustre").SelectOptionAsync(new SelectOptionValue { Label = (await page.Locator("#document-activity option").Nth(1).TextContentAsync())! });
        await file.SetInputFilesAsync(new FilePayload { Name = "courrier-patient.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await Assertions.Expect(page.Locator("#upload-error")).ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Joindre le fichier" }).ClickAsync();
        await Assertions.Expect(page.Locator("main [role=status].notice")).ToContainTextAsync("Pièce jointe : courrier-patient.pdf");
        await Assertions.Expect(page.Locator("section", new() { Has = page.Locator("h3", new() { HasText = "A.1.1" }) })).ToContainTextAsync("courrier-patient.pdf");
        await Assertions.Expect(Context(page, "A.1.1")).ToHaveValueAsync("Texte tapé avant de joindre");

        await page.GetByRole(AriaRole.Button, new() { Name = "Retirer courrier-patient.pdf" }).ClickAsync();
        await Assertions.Expect(page.Locator("main [role=status].notice")).ToContainTextAsync("Pièce retirée : courrier-patient.pdf");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "courrier-patient.pdf" })).ToHaveCountAsync(0);
        await Assertions.Expect(Context(page, "A.1.1")).ToHaveValueAsync("Texte tapé avant de joindre");
    }
}
