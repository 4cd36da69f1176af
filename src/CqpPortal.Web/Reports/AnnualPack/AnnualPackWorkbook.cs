using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Reports.Excel;

namespace CqpPortal.Web.Reports.AnnualPack;

/// <summary>
/// The annual pack as an Excel workbook: a summary sheet, one sheet per indicator (its table and a native chart) and
/// an anonymous detail sheet (one row per registration of the year: no name, e-mail or birth date, the age band
/// instead). Every sheet is meant for sharing: small counts are masked (<see cref="SmallCountMasking"/>).
/// </summary>
public static class AnnualPackWorkbook
{
    public const string SummarySheet = "Synthèse";
    public const string DetailSheet = "Détail anonyme";

    public static readonly IReadOnlyList<string> DetailHeaders =
    [
        "N°", "Mois d'inscription", "Sexe", "Tranche d'âge", "Niveau de formation", "Voie", "Statut", "Région", "Recevabilité",
        "Financement", "Expérience télésecrétariat (mois)", "Expérience téléphonique (mois)",
    ];

    /// <summary>
    /// Writes the workbook to <paramref name="output"/>. Progress (0 to 1) follows the detail rows written out of
    /// <paramref name="registrationCount"/>; cancellation is checked every 1,000 rows.
    /// </summary>
    public static void Write(AnnualPackContent content, IEnumerable<ProfileRow> registrations, Stream output, IProgress<double>? progress = null,
        int registrationCount = 0, CancellationToken cancellationToken = default)
    {
        using var workbook = new WorkbookWriter(output);
        WriteSummary(workbook, content);
        foreach (var table in content.Tables) WriteTable(workbook, table);
        WriteDetail(workbook, registrations, progress, registrationCount, cancellationToken);
        workbook.Close();
    }

    private static void WriteSummary(WorkbookWriter workbook, AnnualPackContent content)
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
        sheet.Row(XlCell.Of(DetailSheet), XlCell.Of("Une ligne par inscription de l'année, sans nom, e-mail ni date de naissance"));
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

    private static void WriteDetail(WorkbookWriter workbook, IEnumerable<ProfileRow> registrations, IProgress<double>? progress, int expected, CancellationToken cancellationToken)
    {
        var sheet = workbook.AddSheet(DetailSheet, DetailHeaders, [8, 12, 7, 12, 18, 15, 19, 14, 15, 30, 16, 16]);
        // Labels are looked up once per value, not once per row.
        var sexes = Enum.GetValues<Sex>().ToDictionary(v => v, v => XlCell.Of(FrenchLabels.Of(v)));
        var bands = Enum.GetValues<AgeBand>().ToDictionary(v => v, v => XlCell.Of(AgeBands.Label(v)));
        var routes = Enum.GetValues<CertificationRoute>().ToDictionary(v => v, v => XlCell.Of(FrenchLabels.Of(v)));
        var statuses = Enum.GetValues<EmploymentStatus>().ToDictionary(v => v, v => XlCell.Of(FrenchLabels.Of(v)));
        var regions = Enum.GetValues<Region>().ToDictionary(v => v, v => XlCell.Of(FrenchLabels.Of(v)));
        var fundings = Enum.GetValues<Funding>().ToDictionary(v => v, v => XlCell.Of(FrenchLabels.Of(v)));
        var cells = new XlCell[DetailHeaders.Count];
        var number = 0;
        foreach (var r in registrations)
        {
            number++;
            cells[0] = XlCell.Of(number, CellStyle.Default);
            cells[1] = XlCell.Of(new DateTime(r.RegisteredOn.Year, r.RegisteredOn.Month, 1).ToOADate(), CellStyle.Month);
            cells[2] = sexes.GetValueOrDefault(r.Sex, XlCell.Of(r.Sex.ToString()));
            cells[3] = bands[AgeBands.Of(r.AgeAtRegistration)];
            cells[4] = XlCell.Of(EducationLevels.Label(r.EducationLevel));
            cells[5] = routes.GetValueOrDefault(r.Route, XlCell.Of(r.Route.ToString()));
            cells[6] = statuses.GetValueOrDefault(r.EmploymentStatus, XlCell.Of(r.EmploymentStatus.ToString()));
            cells[7] = regions.GetValueOrDefault(r.Region, XlCell.Of(r.Region.ToString()));
            cells[8] = XlCell.Of(AdmissibilityOutcomes.Of(r.State) is { } outcome ? AdmissibilityOutcomes.Label(outcome) : FrenchLabels.Of(r.State));
            cells[9] = r.Funding is { } f ? fundings.GetValueOrDefault(f, XlCell.Of(f.ToString())) : XlCell.Of("Non renseigné");
            cells[10] = XlCell.Of(r.TeleSecretaryMonths, CellStyle.Count);
            cells[11] = XlCell.Of(r.PhoneJobMonths, CellStyle.Count);
            sheet.Row(cells);
            if (number % 1_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (progress is not null && expected > 0 && number % 10_000 == 0) progress.Report(Math.Min(1, (double)number / expected));
            }
        }
        sheet.Finish();
    }

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
