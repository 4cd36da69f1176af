using Microsoft.Playwright;

namespace CqpPortal.E2E;

/// <summary>The pages issue 3 added: partners, downloads and the staff content editor, in Chromium with axe-core.</summary>
[Collection(BrowserCollection.Name)]
public class PublicSiteTests(BrowserPortal portal)
{
    [Fact]
    public async Task The_staff_content_editor_previews_on_the_server_and_stays_accessible_with_its_preview_and_its_errors()
    {
        await using var context = await portal.SignedInAsync("staff@cqp.test");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Staff/Contenus/Edition/faq");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Modifier « Questions fréquentes »");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var editor = page.GetByLabel("Texte de la page (Markdown)");
        var text = await editor.InputValueAsync();
        await editor.FillAsync(text + "\n\n## Essai de prévisualisation\n\nUn paragraphe **en gras**.\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prévisualisation (non enregistrée)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#preview strong", new() { HasText = "en gras" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await editor.FillAsync("Un texte sans titre.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        await Assertions.Expect(page.Locator("#markdown-error")).ToContainTextAsync("Donnez un titre à la page");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task The_document_upload_form_with_errors_stays_accessible()
    {
        await using var context = await portal.SignedInAsync("staff@cqp.test");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Staff/Documents");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer le document" }).ClickAsync();
        await Assertions.Expect(page.Locator("#title-error")).ToHaveTextAsync("Saisissez le titre du document.");
        await Assertions.Expect(page.Locator("#file-error")).ToHaveTextAsync("Choisissez un fichier PDF.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_visitor_reaches_the_partners_by_keyboard_from_the_footer_and_downloads_the_registration_form()
    {
        await using var context = await portal.NewVisitorAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nos partenaires" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/partenaires$"));
        await Assertions.Expect(page.GetByText("a changé en 2019")).ToBeVisibleAsync();

        await page.GotoAsync("/documents");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Bulletin d'inscription" }).ClickAsync());
        Assert.Equal("bulletin-inscription-cqp-telesecretaire.pdf", download.SuggestedFilename);
    }
}
