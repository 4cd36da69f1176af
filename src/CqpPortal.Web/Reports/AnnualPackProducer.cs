using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Statistics;

namespace CqpPortal.Web.Reports;

/// <summary>
/// The annual review pack of a year. For now its one file is the year's statistics as JSON (annual-Y.json, the bytes
/// of the JSON download); the workbook and the PDF summary join it here, from the same computed figures.
/// </summary>
public sealed class AnnualPackProducer : IReportProducer
{
    public string Kind => ReportKinds.AnnualPack;

    public static string JsonFileName(int year) => $"annual-{year}.json";

    public async Task<IReadOnlyList<ReportFile>> ProduceAsync(ReportRunContext context, CancellationToken cancellationToken)
    {
        var year = context.RequireYear();
        if (!AnnualStatistics.IsValidYear(year))
            throw new ReportException($"L'année {year} est hors de la plage acceptée ({AnnualStatistics.FirstYear} à {AnnualStatistics.LastYear}).");

        await context.ReportProgressAsync(10, "Lecture des données anonymes", cancellationToken);
        var statistics = await context.Services.GetRequiredService<StatisticsLoader>().ForYearAsync(year, cancellationToken);
        await context.ReportProgressAsync(50, "Calcul des indicateurs", cancellationToken);
        var json = StatisticsJson.Serialize(statistics);
        await context.ReportProgressAsync(90, "Écriture des fichiers", cancellationToken);
        return [new ReportFile(JsonFileName(year), StatisticsJson.ContentType, json)];
    }
}
