using CqpPortal.Web.Reports.AnnualPack;
using CqpPortal.Web.Reports.Charts;
using SkiaSharp;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>The chart writer on its own: no app, no database; the PNG read back pixel by pixel.</summary>
public class BarChartImageTests
{
    private static readonly SKColor First = SKColor.Parse(BarChartImage.Palette[0]);
    private static readonly SKColor Second = SKColor.Parse(BarChartImage.Palette[1]);
    private static readonly SKColor Third = SKColor.Parse(BarChartImage.Palette[2]);

    private static BarChart Chart(params ChartBar[] bars) => new(bars, ChartScale.Count, ColourPerCategory: true);

    /// <summary>Pixels of about this colour (anti-aliased edges aside), and the highest row where one is.</summary>
    private static (int Count, int Top) Pixels(SKBitmap image, SKColor colour)
    {
        var (count, top) = (0, int.MaxValue);
        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            if (Math.Abs(p.Red - colour.Red) + Math.Abs(p.Green - colour.Green) + Math.Abs(p.Blue - colour.Blue) > 12) continue;
            count++;
            top = Math.Min(top, i / image.Width);
        }
        return (count, top);
    }

    [Fact]
    public void A_chart_is_a_png_as_wide_as_the_pdf_text_at_180_dpi_and_taller_with_more_categories()
    {
        var two = BarChartImage.Draw(Chart(new("Femmes", 9, "9"), new("Hommes", 5, "5")));
        var six = BarChartImage.Draw(Chart([.. Enumerable.Range(1, 6).Select(i => new ChartBar($"Niveau {i}", i * 10, $"{i * 10}"))]));

        using var image = SKBitmap.Decode(two.Png);
        Assert.Equal("\u0089PNG", System.Text.Encoding.Latin1.GetString(two.Png[..4]));
        Assert.Equal(1200, image.Width);
        Assert.Equal(BarChartImage.WidthPoints, two.WidthPoints);
        Assert.Equal(image.Height, two.HeightPoints * BarChartImage.PixelsPerPoint, 3);
        Assert.True(six.HeightPoints > two.HeightPoints + 4 * 20, $"{six.HeightPoints} vs {two.HeightPoints}");
    }

    [Fact]
    public void A_masked_figure_gets_no_bar_that_could_be_measured_only_its_text()
    {
        var shown = BarChartImage.Draw(Chart(new("En emploi", 9, "9"), new("Demandeur d'emploi", 3, "3"), new("En formation", 6, "6")));
        var masked = BarChartImage.Draw(Chart(new("En emploi", 9, "9"), new("Demandeur d'emploi", null, "< 5"), new("En formation", null, "masqué")));

        using var control = SKBitmap.Decode(shown.Png);
        using var image = SKBitmap.Decode(masked.Png);
        // The same chart with the figures shown draws them in the second and third colours of the palette...
        Assert.True(Pixels(control, Second).Count > 100);
        Assert.True(Pixels(control, Third).Count > 100);
        // ...masked, not one pixel of either: no bar, not even a sliver.
        Assert.Equal(0, Pixels(image, Second).Count);
        Assert.Equal(0, Pixels(image, Third).Count);
        Assert.True(Pixels(image, First).Count > 100);
    }

    [Fact]
    public void Categories_go_from_top_to_bottom_in_the_dashboards_colours_or_all_in_its_first_colour()
    {
        using var perCategory = SKBitmap.Decode(BarChartImage.Draw(Chart(new("Femmes", 5, "5"), new("Hommes", 9, "9"))).Png);
        using var single = SKBitmap.Decode(BarChartImage.Draw(new BarChart([new("Femmes", 5, "5"), new("Hommes", 9, "9")], ChartScale.Count, ColourPerCategory: false)).Png);

        Assert.True(Pixels(perCategory, First).Top < Pixels(perCategory, Second).Top);
        Assert.Equal(0, Pixels(single, Second).Count);
        Assert.True(Pixels(single, First).Count > Pixels(perCategory, First).Count);
    }

    [Fact]
    public void A_chart_with_every_figure_masked_still_draws_with_no_bar_at_all()
    {
        var chart = BarChartImage.Draw(new BarChart([new("CDI", null, "< 5"), new("CDD", null, "< 5")], ChartScale.Count, ColourPerCategory: false, Title: "Contrat à 6 mois"));

        using var image = SKBitmap.Decode(chart.Png);
        Assert.Equal(0, Pixels(image, First).Count);
    }

    [Theory]
    [InlineData("Âge", "age")]
    [InlineData("6 mois – situation", "6-mois-situation")]
    [InlineData("Résultats des jurys", "resultats-des-jurys")]
    public void Chart_files_are_named_without_accents_or_spaces(string sheet, string slug)
    {
        Assert.Equal(slug, AnnualPackCharts.Slug(sheet));
    }
}
