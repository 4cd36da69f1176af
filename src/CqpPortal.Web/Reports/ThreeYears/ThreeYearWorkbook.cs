using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Reports.AnnualPack;
using CqpPortal.Web.Reports.Excel;
using CqpPortal.Web.Statistics;

namespace CqpPortal.Web.Reports.ThreeYears;

/// <summary>
/// The three-year workbook for the CPNEFP's review of the accord (article 5): a sheet that says what it is, then the
/// main figures of the three years side by side, masked for sharing like the annual pack.
/// </summary>
public sealed class ThreeYearWorkbook(StatisticsLoader statistics, StatisticsCertifications certifications)
{
    public const string ContentType = AnnualPackWriter.WorkbookContentType;
    public const string ReadMeSheet = "Lisez-moi";

    public static string FileName(int to) => $"bilan-trois-ans-cqp-{to - ThreeYearContent.YearCount + 1}-{to}.xlsx";

    /// <summary>The years <paramref name="to"/> − 2 to <paramref name="to"/>, each read on its own (one year's rows at a time).</summary>
    public async Task<ThreeYearContent> ContentAsync(int to, int? certificationId, CancellationToken cancellationToken = default)
    {
        AnnualStatistics.EnsureValidYear(to);
        AnnualStatistics.EnsureValidYear(to - ThreeYearContent.YearCount + 1);
        var certification = await certifications.ByIdAsync(certificationId, cancellationToken);
        var years = new List<AnnualStatistics>();
        for (var year = to - ThreeYearContent.YearCount + 1; year <= to; year++)
            years.Add(await statistics.ForYearAsync(year, certification?.Id, cancellationToken));
        return ThreeYearContent.From(certification?.Name ?? Certificates.CertificationNames.Fallback.Name, years);
    }

    public async Task WriteAsync(int to, int? certificationId, Stream output, CancellationToken cancellationToken = default) =>
        Write(await ContentAsync(to, certificationId, cancellationToken), output);

    public static void Write(ThreeYearContent content, Stream output)
    {
        using var workbook = new WorkbookWriter(output);
        var (from, to) = (content.Years[0], content.Years[^1]);
        var readMe = workbook.AddSheet(ReadMeSheet, [ThreeYearContent.Title(from, to)], [110]);
        readMe.Row(XlCell.Of($"{content.Certification} – chiffres des années {from} à {to} côte à côte", CellStyle.TotalLabel));
        readMe.Row(XlCell.Of("Pour le bilan que la CPNEFP dresse au terme de la période probatoire de 3 ans (accord, article 5) : résultats du certificat,"));
        readMe.Row(XlCell.Of("maintien de son opportunité en termes de qualification et de potentialité d'emploi."));
        readMe.Row(XlCell.Of("Chaque année est comptée comme dans son bilan annuel : inscriptions déposées, décisions de jury et réponses aux enquêtes de l'année civile."));
        readMe.Row(XlCell.Empty);
        foreach (var line in AnnualPackContent.MaskingNoteLines) readMe.Row(XlCell.Of(line));
        readMe.Row(XlCell.Of("Le secret statistique est appliqué à chaque année séparément, comme dans les bilans annuels."));
        readMe.Finish();

        foreach (var sheet in content.Sheets)
        {
            var writer = workbook.AddSheet(sheet.Name, ["Indicateur", .. content.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                [56, .. content.Years.Select(_ => 14.0)]);
            foreach (var block in sheet.Blocks)
            {
                if (sheet.Blocks.Count > 1 || block.Title != sheet.Name) writer.Row(XlCell.Of(block.Title, CellStyle.TotalLabel));
                foreach (var row in block.Rows)
                    writer.Row([XlCell.Of(row.Label, row.IsTotal ? CellStyle.TotalLabel : CellStyle.Default), .. row.Values.Select(v => Cell(v, row.IsTotal))]);
                if (block.Note is { } note) writer.Row(XlCell.Of(note));
                writer.Row(XlCell.Empty);
            }
            writer.Finish();
        }
        workbook.Close();
    }

    private static XlCell Cell(PackValue value, bool total)
    {
        if (value.Masked || value.Number is null) return XlCell.Of(value.Text, total ? CellStyle.TotalNumberText : CellStyle.NumberText);
        return value.Format == PackFormat.Percent
            ? XlCell.Of(value.Number.Value, total ? CellStyle.TotalPercent : CellStyle.Percent)
            : XlCell.Of(value.Number.Value, total ? CellStyle.TotalCount : CellStyle.Count);
    }
}
