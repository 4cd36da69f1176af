using Microsoft.Playwright;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class FoundationFlowTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_candidate_opens_the_home_page_signs_in_and_sees_the_candidate_area()
    {
        await using var context = await portal.NewVisitorAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("CQP Télésecrétaire qualifié(e)");

        await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByLabel("Adresse électronique").FillAsync("candidat@cqp.test");
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("Demo-Portail-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Candidat$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mon espace candidat");
        await Assertions.Expect(page.GetByText("Bonjour Camille")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_of_the_keyboard_and_moves_focus_to_the_content()
    {
        await using var context = await portal.NewVisitorAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Aller au contenu", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        Assert.True(await page.Locator("a.skip-link").IsVisibleAsync(), "the skip link shows when focused");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("contenu", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Compte/Connexion")]
    [InlineData("/Compte/Inscription")]
    [InlineData("/Compte/MotDePasseOublie")]
    [InlineData("/mentions-legales")]
    [InlineData("/confidentialite")]
    [InlineData("/accessibilite")]
    [InlineData("/le-cqp")]
    [InlineData("/prerequis-et-parcours")]
    [InlineData("/dispositif")]
    [InlineData("/faq")]
    [InlineData("/page-inconnue")]
    [InlineData("/prerequis/verifier")]
    [InlineData("/Compte/AccesEntreprise")]
    [InlineData("/calendrier")]
    [InlineData("/referentiel")]
    [InlineData("/partenaires")]
    [InlineData("/documents")]
    public async Task Public_pages_have_no_serious_accessibility_violation(string path)
    {
        await using var context = await portal.NewVisitorAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_login_form_with_errors_stays_accessible_and_keeps_the_address()
    {
        await using var context = await portal.NewVisitorAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Compte/Connexion");
        await page.GetByLabel("Adresse électronique").FillAsync("candidat@cqp.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saisissez votre mot de passe.")).ToBeVisibleAsync();
        Assert.Equal("candidat@cqp.test", await page.GetByLabel("Adresse électronique").InputValueAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Theory]
    [InlineData("staff@cqp.test", "/Staff", "Espace de l'organisme de formation")]
    [InlineData("manager@cqp.test", "/Entreprise", "Espace entreprise")]
    [InlineData("sist@cqp.test", "/Analyse", "Statistiques et veille")]
    [InlineData("staff@cqp.test", "/Staff/Recevabilite", "Recevabilité des candidatures")]
    [InlineData("staff@cqp.test", "/Staff/Entreprises", "Accès entreprise à valider")]
    [InlineData("staff@cqp.test", "/Staff/Sessions", "Sessions")]
    [InlineData("staff@cqp.test", "/Staff/Sessions/Edition", "Nouvelle session")]
    [InlineData("staff@cqp.test", "/Staff/Documents", "Documents à télécharger")]
    [InlineData("staff@cqp.test", "/Staff/Contenus", "Pages de contenu")]
    [InlineData("staff@cqp.test", "/Staff/Contenus/Historique/faq", "Historique de « Questions fréquentes »")]
    [InlineData("candidat@cqp.test", "/Candidat/Sessions", "Mes sessions")]
    [InlineData("candidat@cqp.test", "/Candidat", "Mon espace candidat")]
    public async Task Each_signed_in_area_page_is_accessible(string email, string path, string heading)
    {
        await using var context = await portal.SignedInAsync(email);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
