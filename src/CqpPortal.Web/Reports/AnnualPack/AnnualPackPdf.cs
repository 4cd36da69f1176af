using CqpPortal.Domain.Documents;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Reports.Charts;

namespace CqpPortal.Web.Reports.AnnualPack;

/// <summary>
/// The PDF summary of the annual pack for the review meeting: key figures, then each indicator as a chart (a PNG of
/// <see cref="BarChartImage"/>, figures written at the end of the bars) and its table below it, the figures as text,
/// from the same masked figures as the workbook.
/// </summary>
public static class AnnualPackPdf
{
    public static byte[] Write(AnnualPackContent content)
    {
        var year = content.Year;
        var pdf = new PdfDocumentWriter($"Bilan annuel {year} – {content.Certification}", $"Bilan annuel {year} – réunion de veille")
            .Reference(DocumentReference.OfYear(DocumentKind.AnnualReview, year));
        pdf.Title($"Bilan annuel {year} – {content.Certification}")
            .Paragraph("Portrait statistique anonyme des candidats inscrits, des jurys, des titulaires suivis à 6 et 24 mois et des heures de formation, "
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
            var chart = BarChartImage.Draw(AnnualPackCharts.For(table, withTitle: false));
            // Title, chart, table and note on one page.
            pdf.KeepTogether(28 + chart.HeightPoints + 4 + (table.Rows.Count + 1) * 13 + 8 + 34).Heading(table.Title);
            pdf.Image(chart.Png, chart.WidthPoints, chart.HeightPoints);
            pdf.Table(table.Headers, table.Rows.Select(r => ((IReadOnlyList<string>)[r.Label, .. r.Values.Select(v => v.Text)], r.IsTotal)).ToList());
            pdf.Paragraph(table.Note);
        }
        return pdf.ToBytes();
    }
}
