using System.Globalization;
using System.IO.Compression;
using System.Text;
using CqpPortal.Web.Reports.Charts;
using CqpPortal.Web.Reports.Excel;

namespace CqpPortal.Web.Reports.AnnualPack;

/// <summary>
/// The pack's charts, one per indicator, drawn by <see cref="BarChartImage"/> from the same masked figures as the tables:
/// for the PDF (without title: the PDF writes the heading) and as PNG files for slides (with the title), zipped.
/// </summary>
public static class AnnualPackCharts
{
    /// <summary>The indicator's chart: a bar per category, the charted figure at its end ("12 (35,3 %)", "&lt; 5").</summary>
    public static BarChart For(PackTable table, bool withTitle)
    {
        var scale = table.Categories.Select(r => r.Values[table.ChartValue].Format).FirstOrDefault() switch
        {
            PackFormat.Percent => ChartScale.Percent,
            PackFormat.Months => ChartScale.Months,
            PackFormat.Hours => ChartScale.Hours,
            _ => ChartScale.Count,
        };
        if (table.SecondChartValue is { } second)
        {
            // Two figures per category (planned, done): a bar each, one colour per series, the series named in the label.
            var pairs = table.Categories.SelectMany(r => new[]
            {
                Bar(table, r, table.ChartValue) with { Colour = 0 },
                Bar(table, r, second) with { Colour = 1 },
            }).ToList();
            return new BarChart(pairs, scale, ColourPerCategory: false, withTitle ? table.Title : null);
        }
        // Where the dashboard and the workbook draw a pie, each category keeps its own colour of the dashboard's palette.
        return new BarChart(table.Categories.Select(r => Bar(table, r, table.ChartValue) with { Label = r.Label }).ToList(), scale, ColourPerCategory: table.Chart == ChartKind.Pie,
            withTitle ? table.Title : null);
    }

    /// <summary>
    /// The bar's length is the figure of <paramref name="column"/> (none when masked); at its end, that figure and, for
    /// counts, the share. Labelled "category : column's header" (one series alone relabels it with the category).
    /// </summary>
    private static ChartBar Bar(PackTable table, PackRow row, int column)
    {
        var value = row.Values[column];
        var text = value.Text;
        if (value.Format == PackFormat.Count && !value.Masked && column + 1 < row.Values.Count
            && row.Values[column + 1] is { Format: PackFormat.Percent, Shown: not null } share)
            text += $" ({share.Text})";
        if (value.Format == PackFormat.Hours && !value.Masked) text += "\u00a0h";
        // A no-break space before the colon, as French typography wants: the line never starts with it.
        return new ChartBar($"{row.Label}\u00a0: {table.Headers[column + 1].ToLowerInvariant()}", value.Shown, text);
    }

    /// <summary>The name of an indicator's PNG in the zip, numbered in the PDF's order: "annual-2025-01-sexe.png".</summary>
    public static string PngFileName(int year, int index, PackTable table) => $"annual-{year}-{index + 1:00}-{Slug(table.SheetName)}.png";

    /// <summary>
    /// Every indicator's chart as a PNG with its title, in one zip (PNGs are stored: they are compressed already).
    /// </summary>
    public static void WriteZip(AnnualPackContent content, Stream output, CancellationToken cancellationToken = default)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        for (var i = 0; i < content.Tables.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var png = BarChartImage.Draw(For(content.Tables[i], withTitle: true)).Png;
            using var entry = zip.CreateEntry(PngFileName(content.Year, i, content.Tables[i]), CompressionLevel.NoCompression).Open();
            entry.Write(png);
        }
    }

    /// <summary>"6 mois – situation" → "6-mois-situation", "Âge" → "age".</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().TrimEnd('-');
    }
}
