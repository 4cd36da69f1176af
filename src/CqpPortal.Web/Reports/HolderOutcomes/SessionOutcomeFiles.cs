using CqpPortal.Web.Documents;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Reports.AnnualPack;
using CqpPortal.Web.Reports.Charts;
using CqpPortal.Web.Reports.Excel;

namespace CqpPortal.Web.Reports.HolderOutcomes;

/// <summary>
/// A session's outcome report as a workbook — a summary sheet, then one sheet per table with its native chart, as the
/// annual pack writes them (<see cref="AnnualPackWorkbook"/>) — and as a PDF: each table as a chart (bars, masked
/// figures without a bar) with its figures as text below. Both from the same masked <see cref="SessionOutcomeContent"/>.
/// </summary>
public static class SessionOutcomeFiles
{
    public const string SummarySheet = "Synthèse";
    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Workbook(SessionOutcomeContent content)
    {
        using var output = new MemoryStream();
        using (var workbook = new WorkbookWriter(output))
        {
            var h = content.Header;
            var sheet = workbook.AddSheet(SummarySheet, ["Indicateur", "Valeur"], [48, 18]);
            sheet.Row(XlCell.Of($"{h.Title} – {h.Certification}", CellStyle.TotalLabel));
            sheet.Row(XlCell.Of("Jury du"), XlCell.Of(FrenchFormat.Date(h.SessionDay)));
            sheet.Row(XlCell.Of("Lieu"), XlCell.Of(h.Place));
            sheet.Row(XlCell.Of("Enquête"), XlCell.Of($"à {h.WaveLabel} (invitations dues le {FrenchFormat.Date(h.InvitationsDueOn)})"));
            sheet.Row(XlCell.Of(h.WindowText));
            sheet.Row(XlCell.Empty);
            foreach (var row in content.Summary)
                sheet.Row(XlCell.Of(row.Label), Cell(row.Values[0]));
            sheet.Row(XlCell.Empty);
            foreach (var line in AnnualPackContent.MaskingNoteLines) sheet.Row(XlCell.Of(line));
            sheet.Row(XlCell.Of("Chiffres anonymes : effectifs seulement, aucune donnée nominative."));
            sheet.Row(XlCell.Empty);
            sheet.Row(XlCell.Of("Feuilles du classeur", CellStyle.TotalLabel), XlCell.Of("Contenu", CellStyle.TotalLabel));
            foreach (var table in content.Tables) sheet.Row(XlCell.Of(table.SheetName), XlCell.Of(table.Title));
            sheet.Finish();
            foreach (var table in content.Tables) AnnualPackWorkbook.WriteTable(workbook, table);
            workbook.Close();
        }
        return output.ToArray();
    }

    public static byte[] Pdf(SessionOutcomeContent content)
    {
        var h = content.Header;
        var pdf = new PdfDocumentWriter($"{h.Title} – jury du {FrenchFormat.Date(h.SessionDay)}", $"{h.Title} – jury du {FrenchFormat.Date(h.SessionDay)} – chiffres anonymes")
            .Reference(h.Reference)
            .Title($"{h.Title} – jury du {FrenchFormat.Date(h.SessionDay)}")
            .Field("Certification", h.Certification)
            .Field("Jury du", FrenchFormat.Date(h.SessionDay))
            .Field("Lieu", h.Place)
            .Field("Invitations à " + h.WaveLabel + " dues le", FrenchFormat.Date(h.InvitationsDueOn))
            .Paragraph(h.WindowText);
        foreach (var row in content.Summary) pdf.Field(row.Label, row.Values[0].Text);
        foreach (var table in content.Tables)
        {
            var chart = BarChartImage.Draw(AnnualPackCharts.For(table, withTitle: false));
            pdf.KeepTogether(28 + chart.HeightPoints + 4 + (table.Rows.Count + 1) * 13 + 8 + 34).Heading(table.Title);
            pdf.Image(chart.Png, chart.WidthPoints, chart.HeightPoints);
            pdf.Table(table.Headers, table.Rows.Select(r => ((IReadOnlyList<string>)[r.Label, .. r.Values.Select(v => v.Text)], r.IsTotal)).ToList());
            pdf.Paragraph(table.Note);
        }
        return pdf.Paragraph("")
            .Paragraph($"Chiffres anonymes : effectifs seulement, aucune donnée nominative. Source : enquêtes de suivi des titulaires à {h.WaveLabel}.")
            .Paragraph(AnnualPackContent.MaskingNote)
            .ToBytes();
    }

    private static XlCell Cell(PackValue value) => value.Masked || value.Number is null
        ? XlCell.Of(value.Text, CellStyle.NumberText)
        : XlCell.Of(value.Number.Value, value.Format == PackFormat.Percent ? CellStyle.Percent : CellStyle.Count);
}
