using Microsoft.Playwright;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class CalendarTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_visitor_filters_the_calendar_with_the_keyboard_only_and_opens_a_session()
    {
        await using var context = await portal.NewVisitorAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/calendrier");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("document.activeElement.id") != "type"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("type", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowDown"); // Évaluation
        for (var i = 0; i < 3; i++) await page.Keyboard.PressAsync("Tab"); // region, month, then the button
        Assert.Equal("Afficher", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("type=Evaluation"));
        var kinds = await page.Locator("tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.StartsWith("Évaluation", k));

        await page.Locator("tbody tr a").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Évaluation"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
