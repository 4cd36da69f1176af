using Microsoft.Playwright;

namespace CqpPortal.E2E;

/// <summary>A 390-px phone: the pages read without sideways scrolling (tables become stacked cards), and every control has the house style.</summary>
[Collection(BrowserCollection.Name)]
public class PhoneLayoutTests(BrowserPortal portal)
{
    private const int PhoneWidth = 390, PhoneHeight = 844;

    /// <summary>The page is as wide as the screen, and no table is wider than the box it sits in (a scrolling box would hide the overflow).</summary>
    private static async Task AssertFitsThePhoneAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        Assert.Equal(PhoneWidth, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        var tooWide = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('main table')].filter(t => t.getBoundingClientRect().width > t.parentElement.clientWidth + 1).map(t => (t.caption?.textContent ?? t.outerHTML.slice(0, 80)))");
        Assert.True(tooWide.Length == 0, $"{url}: " + string.Join("; ", tooWide));
    }

    [Fact]
    public async Task The_calendar_the_home_page_and_the_candidate_dashboard_are_as_wide_as_a_phone()
    {
        await using var visitor = await portal.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await AssertFitsThePhoneAsync(page, "/calendrier");
        // Each session is a card whose cells name their column.
        Assert.Equal("block", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('main tbody tr')).display"));
        Assert.Contains("État", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('main tbody td[data-label=\"État\"]'), '::before').content"));
        await AssertFitsThePhoneAsync(page, "/");

        await using var candidate = await portal.SignedInAsync("candidat@cqp.test");
        var signedIn = await candidate.NewPageAsync();
        await signedIn.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await AssertFitsThePhoneAsync(signedIn, "/Candidat");
    }

    [Fact]
    public async Task The_administrators_journal_of_reads_is_as_wide_as_a_phone()
    {
        await using var administrator = await portal.SignedInAsync("admin@cqp.test");
        var page = await administrator.NewPageAsync();
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await page.GotoAsync("/Staff/Recevabilite");
        await page.Locator("main table a[href^='/Staff/Recevabilite/Dossier/']").First.ClickAsync(); // a read the journal records
        await AssertFitsThePhoneAsync(page, "/Staff/Journal");
        Assert.Equal("block", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('main tbody tr')).display"));
        Assert.Contains("Personne", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('main tbody td[data-label=\"Personne\"]'), '::before').content"));
    }

    [Fact]
    public async Task A_telephone_input_an_untyped_input_and_a_button_without_class_look_like_the_others()
    {
        await using var visitor = await portal.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/Contact");
        // A control written without its type or class (as « Employeur » and « Afficher » once were) is styled all the same.
        await page.EvaluateAsync("() => { const f = document.querySelector('main form'); f.append(document.createElement('input'), document.createElement('button')); }");
        const string Look = "e => { const s = getComputedStyle(e); return [s.borderTopWidth, s.borderTopStyle, s.borderTopColor, s.paddingLeft, s.width, s.backgroundColor, s.color, s.fontWeight].join(' '); }";
        var email = await page.Locator("main input[type=email]").First.EvaluateAsync<string>(Look);
        Assert.Equal(email, await page.Locator("main input[type=tel]").EvaluateAsync<string>(Look));
        Assert.Equal(email, await page.Locator("main form > input:not([type])").EvaluateAsync<string>(Look));
        var button = await page.Locator("main button.button:not(.secondary)").First.EvaluateAsync<string>(Look.Replace("s.width, ", ""));
        Assert.Equal(button, await page.Locator("main form > button:not([class])").EvaluateAsync<string>(Look.Replace("s.width, ", "")));
    }
}
