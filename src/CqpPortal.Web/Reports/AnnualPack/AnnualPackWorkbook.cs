using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Reports.Excel;

namespace CqpPortal.Web.Reports.AnnualPack;

/// <summary>
/// The annual pack as an Excel workbook: a summary sheet, one sheet per indicator (its table and a native chart) and
/// an anonymous detail sheet (the year's registrations, k-anonymous: <see cref="AnnualPackDetail"/>). Every sheet is
/// meant for sharing: small counts are masked (<see cref="SmallCountMasking"/>) and nothing masked can be counted again
/// from the detail rows.
/// </summary>
public static class AnnualPackWorkbook
{
    public const string SummarySheet = "Synthèse";
    public const string DetailSheet = "Détail anonyme";

    /// <summary>
    /// Writes the workbook to <paramref name="output"/>. Progress (0 to 1) follows the detail rows written; cancellation
    /// is checked every 1,000 rows. The registrations are read once, into the few values the detail rows need (grouping
    /// them for k-anonymity needs them all); <paramref name="registrationCount"/> is no longer needed.
    /// </summary>
    public static void Write(AnnualPackContent content, IEnumerable<ProfileRow> registrations, Stream output, IProgress<double>? progress = null,
        int registrationCount = 0, CancellationToken cancellationToken = default)
    {
        var detail = AnnualPackDetail.Of(content, registrations);
        using var workbook = new WorkbookWriter(output);
        WriteSummary(workbook, content, detail);
        foreach (var table in content.Tables) WriteTable(workbook, table);
        WriteDetail(workbook, detail, progress, cancellationToken);
        workbook.Close();
    }

    private static void WriteSummary(WorkbookWriter workbook, AnnualPackContent content, AnonymousRows detail)
    {
        var sheet = workbook.AddSheet(SummarySheet, ["Indicateur", "Valeur"], [48, 16]);
        sheet.Row(XlCell.Of($"Bilan annuel {content.Year} – {content.Certification}", CellStyle.TotalLabel), XlCell.Of(content.Year, CellStyle.Default));
        foreach (var row in content.Summary) sheet.Row([XlCell.Of(row.Label), .. row.Values.Select(v => Cell(v, total: false))]);
        sheet.Row(XlCell.Empty);
        foreach (var line in AnnualPackContent.MaskingNoteLines) sheet.Row(XlCell.Of(line));
        sheet.Row(XlCell.Of($"Les chiffres exacts (pour les traitements de SIST) sont dans le fichier JSON annual-{content.Year}.json."));
        sheet.Row(XlCell.Empty);
        sheet.Row(XlCell.Of("Feuilles du classeur", CellStyle.TotalLabel), XlCell.Of("Contenu", CellStyle.TotalLabel));
        foreach (var table in content.Tables) sheet.Row(XlCell.Of(table.SheetName), XlCell.Of(table.Title));
        sheet.Row(XlCell.Of(DetailSheet), XlCell.Of(DetailDescription(detail)));
        sheet.Finish();
    }

    /// <summary>One indicator's sheet: its table, its notes and its native chart (a pie per <see cref="TruthfulPie"/>).</summary>
    internal static void WriteTable(WorkbookWriter workbook, PackTable table)
    {
        var sheet = workbook.AddSheet(table.SheetName, table.Headers, [36, .. table.Headers.Skip(1).Select(_ => 16.0)]);
        foreach (var row in table.Rows)
            sheet.Row([XlCell.Of(row.Label, row.IsTotal ? CellStyle.TotalLabel : CellStyle.Default), .. row.Values.Select(v => Cell(v, row.IsTotal))]);
        sheet.Row(XlCell.Empty);
        // Notes on rows of their own, unwrapped: the text runs on over the empty cells beside it.
        sheet.Row(XlCell.Of(table.Note));
        foreach (var line in AnnualPackContent.MaskingNoteLines) sheet.Row(XlCell.Of(line));

        var categories = table.Categories.ToList();
        var valueFormat = categories.Select(r => r.Values[table.ChartValue].Format).FirstOrDefault();
        if (table.Chart == ChartKind.Pie &&
            (categories.Any(r => r.Values[table.ChartValue].Masked) || categories.All(r => r.Values[table.ChartValue].Number is null or 0)))
        {
            WritePie(sheet, table, categories);
            sheet.Finish();
            return;
        }
        sheet.Chart(new ChartSpec(
            table.Chart, table.Title, table.Headers[table.ChartValue + 1],
            CategoryColumn: 0, ValueColumn: table.ChartValue + 1, FirstRow: 2,
            categories.Select(r => r.Label).ToList(),
            categories.Select(r => r.Values[table.ChartValue].Shown).ToList(),
            Percent: valueFormat == PackFormat.Percent,
            Second: table.SecondChartValue is { } second
                ? new ChartSeries(table.Headers[second + 1], second + 1, categories.Select(r => r.Values[second].Shown).ToList())
                : null));
        sheet.Finish();
    }

    /// <summary>
    /// A pie over a table with masked or empty cells: drawn from a small block below the notes — the shown parts and one
    /// « masqué » slice for the rest of the total — or not drawn, with the reason on the sheet (<see cref="TruthfulPie"/>).
    /// </summary>
    private static void WritePie(SheetWriter sheet, PackTable table, IReadOnlyList<PackRow> categories)
    {
        var total = table.Rows.FirstOrDefault(r => r.IsTotal)?.Values[table.ChartValue];
        var pie = TruthfulPie.Of(
            categories.Select(r => (r.Label, Masked(r.Values[table.ChartValue]))).ToList(),
            total is { } t ? Masked(t) : new MaskedCount(0, false));
        sheet.Row(XlCell.Empty);
        if (!pie.Drawn)
        {
            sheet.Row(XlCell.Of(pie.NoChartReason!, CellStyle.TotalLabel));
            return;
        }
        sheet.Row(XlCell.Of("Données du graphique", CellStyle.TotalLabel), XlCell.Of(table.Headers[table.ChartValue + 1], CellStyle.TotalLabel));
        var firstRow = sheet.RowCount + 1;
        foreach (var slice in pie.Slices) sheet.Row(XlCell.Of(slice.Label), XlCell.Of(slice.Count, CellStyle.Count));
        var masked = pie.Slices.Select((s, i) => (s, i)).Where(x => x.s.Masked).Select(x => (int?)x.i).FirstOrDefault();
        sheet.Chart(new ChartSpec(
            ChartKind.Pie, table.Title, table.Headers[table.ChartValue + 1],
            CategoryColumn: 0, ValueColumn: 1, FirstRow: firstRow,
            pie.Slices.Select(s => s.Label).ToList(), pie.Slices.Select(s => (double?)s.Count).ToList(),
            GreySlice: masked));
    }

    /// <summary>A count as the table shows it: masked (its true size unknown to the reader) or its number.</summary>
    private static MaskedCount Masked(PackValue value) => value.Masked || value.Number is null
        ? new MaskedCount(value.Mask == SmallCountMasking.MaskedText ? 1 : 0, Hidden: true)
        : new MaskedCount((int)value.Number.Value, Hidden: false);

    /// <summary>
    /// The « Détail anonyme »: the k-anonymous rows of <see cref="AnnualPackDetail"/> (a number, then the columns kept),
    /// or, with too few registrations to keep any, one sentence saying so.
    /// </summary>
    private static void WriteDetail(WorkbookWriter workbook, AnonymousRows detail, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        if (detail.IsEmpty)
        {
            var empty = workbook.AddSheet(DetailSheet, [NoDetail], [90]);
            empty.Finish();
            return;
        }
        var sheet = workbook.AddSheet(DetailSheet, ["N°", .. detail.Columns], [8, .. detail.Columns.Select(c => c == AnnualPackDetail.Admissibility ? 26.0 : 22.0)]);
        // One cell per distinct value, not one per row.
        var texts = new Dictionary<string, XlCell>();
        var cells = new XlCell[detail.Columns.Count + 1];
        var number = 0;
        foreach (var row in detail.Rows)
        {
            number++;
            cells[0] = XlCell.Of(number, CellStyle.Default);
            for (var c = 0; c < row.Count; c++)
            {
                if (!texts.TryGetValue(row[c], out var cell)) texts[row[c]] = cell = XlCell.Of(row[c]);
                cells[c + 1] = cell;
            }
            sheet.Row(cells);
            if (number % 1_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (progress is not null && number % 10_000 == 0) progress.Report(Math.Min(1, (double)number / detail.Rows.Count));
            }
        }
        sheet.Finish();
    }

    public const string NoDetail = "Trop peu d'inscriptions cette année pour en diffuser un détail anonyme : chaque ligne concernerait moins de 5 personnes.";

    /// <summary>What the summary says of the detail sheet: how its rows were made, and how many registrations it leaves out.</summary>
    public static string DetailDescription(AnonymousRows detail) => detail.IsEmpty
        ? "Aucune ligne : trop peu d'inscriptions pour un détail anonyme"
        : "Inscriptions de l'année, une ligne chacune, décrites assez largement pour que chaque combinaison (période, sexe, âge, région, voie) "
            + "concerne au moins 5 personnes ; les valeurs masquées dans les feuilles sont réunies en « Autres »"
            + (detail.LeftOut == 0 ? "." : $" ; {detail.LeftOut} inscriptions trop singulières ne sont pas reprises.");

    private static XlCell Cell(PackValue value, bool total)
    {
        if (value.Masked || value.Number is null) return XlCell.Of(value.Text, total ? CellStyle.TotalNumberText : CellStyle.NumberText);
        var style = value.Format switch
        {
            PackFormat.Count => total ? CellStyle.TotalCount : CellStyle.Count,
            PackFormat.Percent => total ? CellStyle.TotalPercent : CellStyle.Percent,
            _ => CellStyle.Decimal,
        };
        return XlCell.Of(value.Number.Value, style);
    }
}
