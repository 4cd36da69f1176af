using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class CalendarTests(BrowserPortal portal)
{
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 60 && await page.EvaluateAsync<string>("document.activeElement.id") != id; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal(id, await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    /// <summary>Tabs to the submit button, presses Enter and waits for the filtered address (the form sends every field, empty or not).</summary>
    private static async Task TabToSubmitAndPressEnterAsync(IPage page, Regex filteredUrl)
    {
        for (var i = 0; i < 5 && await page.EvaluateAsync<string>("document.activeElement.textContent.trim()") != "Afficher"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Afficher", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(filteredUrl);
    }

    [Fact]
    public async Task A_visitor_filters_the_calendar_with_the_keyboard_only_and_opens_a_session()
    {
        await using var context = await portal.NewVisitorAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/calendrier");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await TabToAsync(page, "type");
        await page.Keyboard.PressAsync("ArrowDown"); // Évaluation
        await TabToSubmitAndPressEnterAsync(page, new Regex("type=Evaluation"));
        var kinds = await page.Locator("tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.StartsWith("Évaluation", k));

        // The month list now holds the months with evaluations; the first one keeps the kind chosen before.
        await TabToAsync(page, "mois");
        await page.Keyboard.PressAsync("ArrowDown");
        var month = await page.EvaluateAsync<string>("document.getElementById('mois').selectedOptions[0].textContent");
        await TabToSubmitAndPressEnterAsync(page, new Regex(@"mois=\d{4}-\d{2}"));
        Assert.Contains("type=Evaluation", page.Url);
        var dates = await page.Locator("tbody tr th").AllTextContentsAsync();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.Contains(month, d));
        await Assertions.Expect(page.Locator("#type")).ToHaveValueAsync("Evaluation");

        await page.Locator("tbody tr a").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Évaluation"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ajouter à mon agenda (fichier .ics)" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task The_staff_session_form_is_accessible_blank_and_with_the_date_warning()
    {
        await using var context = await portal.SignedInAsync("staff@cqp.test");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Staff/Sessions/Edition");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Type de session").SelectOptionAsync("Jury");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync($"{DateTime.UtcNow.Year + 2}-12-18");
        await page.GetByLabel("Heure de début").FillAsync("14:00");
        await page.GetByLabel("Nom du lieu").FillAsync("Salle du jury e2e");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#date-advice")).ToContainTextAsync("trois dernières semaines de décembre");
        await Assertions.Expect(page.GetByLabel("Nom du lieu")).ToHaveValueAsync("Salle du jury e2e");
        await Assertions.Expect(page.GetByLabel("Je confirme cette date malgré l'avertissement")).Not.ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
