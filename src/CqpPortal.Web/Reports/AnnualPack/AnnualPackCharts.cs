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
            _ => ChartScale.Count,
        };
        // Where the dashboard and the workbook draw a pie, each category keeps its own colour of the dashboard's palette.
        return new BarChart(table.Categories.Select(r => Bar(table, r)).ToList(), scale, ColourPerCategory: table.Chart == ChartKind.Pie,
            withTitle ? table.Title : null);
    }

    /// <summary>The bar's length is the charted figure (none when masked); at its end, that figure and, for counts, the share.</summary>
    private static ChartBar Bar(PackTable table, PackRow row)
    {
        var value = row.Values[table.ChartValue];
        var text = value.Text;
        if (value.Format == PackFormat.Count && !value.Masked && table.ChartValue + 1 < row.Values.Count
            && row.Values[table.ChartValue + 1] is { Format: PackFormat.Percent, Shown: not null } share)
            text += $" ({share.Text})";
        return new ChartBar(row.Label, value.Shown, text);
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
