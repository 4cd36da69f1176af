using Microsoft.Playwright;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class SelfCheckTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_visitor_checks_their_prerequisites_with_the_keyboard_only()
    {
        await using var context = await portal.NewVisitorAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/prerequis/verifier");

        // Reach the first radio button of the form by tabbing, choose with the space bar.
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("document.activeElement.id") != "route-Training"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("route-Training", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Input_EducationLevel", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowDown"); // Sans diplôme → Niveau 3
        await page.Keyboard.PressAsync("ArrowDown"); // → Niveau 4
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("6");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vous remplissez les conditions d'accès" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("avec un titre ou diplôme de niveau 4 ou plus")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
