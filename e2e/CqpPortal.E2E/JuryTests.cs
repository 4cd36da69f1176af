using Microsoft.Playwright;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class JuryTests(BrowserPortal portal)
{
    [Fact]
    public async Task Staff_open_a_past_jury_of_the_demo_data_with_the_presidents_decisions_and_locked_minutes_by_keyboard_and_mouse()
    {
        await using var context = await portal.SignedInAsync("staff@cqp.test");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Staff");
        await page.GetByRole(AriaRole.Link, new() { Name = "Jurys et décisions" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jurys", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        // The list shows the coming juries; the past ones are one link away.
        await page.GetByRole(AriaRole.Link, new() { Name = "Jurys passés (", Exact = false }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("Jurys passés");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var past = page.GetByRole(AriaRole.Table).Last.GetByRole(AriaRole.Link).First;
        await past.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Candidats convoqués", Exact = false })).ToBeVisibleAsync();
        // The president records the deliberation in the jury area; staff only read it, with who recorded it.
        await Assertions.Expect(page.GetByText("Procès-verbal signé par tous les membres et verrouillé", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Enregistrée par" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell).Filter(new() { HasText = "Patrick Fournier, le" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la délibération", Exact = false })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var minutes = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le procès-verbal (PDF)" }).ClickAsync());
        Assert.Contains("Procès-verbal du jury", CqpPortal.Testing.PdfText.Of(await File.ReadAllBytesAsync(await minutes.PathAsync())));
    }
}
