using CqpPortal.Testing;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Statistics;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>Issue 17, « Charts that lie », on the dashboard: all-zero data says « Aucune donnée » instead of equal slices.</summary>
public class ChartTruthTests(ReportsPortal portal) : IClassFixture<ReportsPortal>
{
    [Fact]
    public void An_indicator_of_zeros_has_no_data_to_draw_and_one_count_is_enough_to_draw_it()
    {
        Assert.False(new Indicator("sexe", "Sexe", "pie", [new("Femmes", 0), new("Hommes", 0)]).HasData);
        Assert.False(new Indicator("vide", "Vide", "pie", []).HasData);
        Assert.True(new Indicator("sexe", "Sexe", "pie", [new("Femmes", 0), new("Hommes", 1)]).HasData);
    }

    [Fact]
    public async Task On_the_dashboard_a_year_without_data_draws_no_chart_and_says_aucune_donnee_beside_each_table_of_zeros()
    {
        using var sist = await TestAccounts.SignedInAsync(portal, Roles.SistAnalyst);

        var (_, page) = await sist.GetAsync("/Analyse?annee=2003");

        var sex = page.QuerySelector("#sexe")!.Closest("figure")!;
        Assert.Null(sex.GetAttribute("data-chart"));
        Assert.Equal(Indicator.NoDataText, sex.QuerySelector(".chart-empty")!.TextContent.Trim());
        Assert.Equal(["0", "0"], sex.QuerySelectorAll("tbody td[data-value]").Select(td => td.GetAttribute("data-value")));
        // No indicator figure is left for the script to draw as equal slices of nothing.
        Assert.DoesNotContain(page.QuerySelectorAll("figure.indicator[data-chart='pie']"), f => f.QuerySelectorAll("tbody td[data-value]").All(td => td.GetAttribute("data-value") == "0"));
    }
}
