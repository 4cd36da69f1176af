using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Reports.AnnualPack;
using CqpPortal.Web.Statistics;

namespace CqpPortal.Web.Reports;

/// <summary>
/// The annual review pack of a year: the workbook, the statistics JSON (the bytes of the JSON download), the PDF
/// summary and the zip of the charts as PNGs, written by <see cref="AnnualPackWriter"/> from one computation of the
/// figures, in a folder of its own that is removed afterwards; the runner publishes the four files together.
/// </summary>
public sealed class AnnualPackProducer : IReportProducer
{
    public string Kind => ReportKinds.AnnualPack;

    public ReportKindDescriptor? Descriptor => new(Kind, ReportKinds.Label(Kind), ReportParameter.Year,
        "Statistiques anonymes de l'année civile : profils des candidats, jurys, devenir des titulaires.");

    public static string JsonFileName(int year) => AnnualPackWriter.JsonFileName(year);

    public async Task<IReadOnlyList<ReportFile>> ProduceAsync(ReportRunContext context, CancellationToken cancellationToken)
    {
        var year = context.RequireYear();
        if (!AnnualStatistics.IsValidYear(year))
            throw new ReportException($"L'année {year} est hors de la plage acceptée ({AnnualStatistics.FirstYear} à {AnnualStatistics.LastYear}).");

        await context.ReportProgressAsync(10, "Lecture des données anonymes et calcul des indicateurs", cancellationToken);
        var folder = Path.Combine(Path.GetTempPath(), $"cqp-pack-{context.RunId}-{Guid.NewGuid():N}");
        try
        {
            var files = await context.Services.GetRequiredService<AnnualPackWriter>().WriteAsync(year, folder, null, cancellationToken, context.CertificationId);
            await context.ReportProgressAsync(90, "Écriture des fichiers", cancellationToken);
            return
            [
                new ReportFile(Path.GetFileName(files.Workbook), AnnualPackWriter.WorkbookContentType, await File.ReadAllBytesAsync(files.Workbook, cancellationToken)),
                new ReportFile(Path.GetFileName(files.Json), StatisticsJson.ContentType, await File.ReadAllBytesAsync(files.Json, cancellationToken)),
                new ReportFile(Path.GetFileName(files.Pdf), AnnualPackWriter.PdfContentType, await File.ReadAllBytesAsync(files.Pdf, cancellationToken)),
                new ReportFile(Path.GetFileName(files.Charts), AnnualPackWriter.ZipContentType, await File.ReadAllBytesAsync(files.Charts, cancellationToken)),
            ];
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
