using CqpPortal.Web.Documents;

namespace CqpPortal.Web.Reports.AnnualPack;

/// <summary>
/// The PDF summary of the annual pack for the review meeting: key figures, then each indicator as a bar chart drawn
/// with PDFsharp's vector graphics (figures written beside the bars) and its table, from the same masked figures as
/// the workbook.
/// </summary>
public static class AnnualPackPdf
{
    public static byte[] Write(AnnualPackContent content)
    {
        var year = content.Year;
        var pdf = new PdfDocumentWriter($"Bilan annuel {year} – CQP Télésecrétaire qualifié(e)", $"Bilan annuel {year} – réunion de veille");
        pdf.Title($"Bilan annuel {year} – CQP Télésecrétaire qualifié(e)")
            .Paragraph("Portrait statistique anonyme des candidats inscrits, des jurys et des titulaires suivis à 6 et 24 mois, "
                + "établi pour la réunion de veille. Le classeur Excel du bilan détaille chaque indicateur.")
            .Heading("Chiffres clés")
            .Table(["Indicateur", "Valeur"], content.Summary.Select(r => ((IReadOnlyList<string>)[r.Label, .. r.Values.Select(v => v.Text)], false)).ToList())
            .Paragraph(AnnualPackContent.MaskingNote);

        string? section = null;
        foreach (var table in content.Tables)
        {
            if (table.Section != section)
            {
                section = table.Section;
                pdf.KeepTogether(260).Heading(section.ToUpperInvariant());
            }
            var categories = table.Categories.ToList();
            // Title, chart, table and note on one page: heading, bars, rows, note.
            pdf.KeepTogether(28 + categories.Count * 18 + 6 + (table.Rows.Count + 1) * 13 + 8 + 34).Heading(table.Title);
            pdf.BarChart(categories.Select(r => Bar(table, r)).ToList());
            pdf.Table(table.Headers, table.Rows.Select(r => ((IReadOnlyList<string>)[r.Label, .. r.Values.Select(v => v.Text)], r.IsTotal)).ToList());
            pdf.Paragraph(table.Note);
        }
        return pdf.ToBytes();
    }

    /// <summary>The bar's length is the charted figure; beside it, that figure and, for counts, the share: "12 (35,3 %)".</summary>
    private static ChartBar Bar(PackTable table, PackRow row)
    {
        var value = row.Values[table.ChartValue];
        var text = value.Text;
        if (value.Format == PackFormat.Count && !value.Masked && table.ChartValue + 1 < row.Values.Count
            && row.Values[table.ChartValue + 1] is { Format: PackFormat.Percent, Shown: not null } share)
            text += $" ({share.Text})";
        return new ChartBar(row.Label, value.Shown, text);
    }
}
