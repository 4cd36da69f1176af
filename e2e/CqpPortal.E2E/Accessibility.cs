using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

public static class Accessibility
{
    /// <summary>Runs axe-core in the page; fails on any serious or critical violation, naming each one.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("; ",
            serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} – {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }
}
