using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Statistics;

namespace CqpPortal.Web.Reports.AnnualPack;

/// <summary>The four files of a year's pack, once published in their folder.</summary>
public sealed record AnnualPackFiles(string Workbook, string Json, string Pdf, string Charts);

/// <summary>
/// The annual review pack of year Y, from one computation of the figures (<see cref="StatisticsLoader"/>):
/// <c>annual-Y.xlsx</c> (shared: small counts masked, native charts, anonymous detail), <c>annual-Y.json</c> (exact
/// counts, the same bytes as `report stats-json`), <c>annual-Y.pdf</c> (the meeting's summary) and
/// <c>annual-Y-graphiques.zip</c> (each indicator's chart as a PNG, for slides; masked like the PDF). The files are
/// written under temporary names in the target folder, then renamed into place together: a reader never sees half a file.
/// </summary>
public sealed class AnnualPackWriter(StatisticsLoader statistics, StatisticsCertifications certifications)
{
    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PdfContentType = "application/pdf";

    public static string WorkbookFileName(int year) => $"annual-{year}.xlsx";
    public static string JsonFileName(int year) => $"annual-{year}.json";
    public static string PdfFileName(int year) => $"annual-{year}.pdf";
    public static string ChartsFileName(int year) => $"annual-{year}-graphiques.zip";
    public const string ZipContentType = "application/zip";

    /// <summary>
    /// Writes the four files of <paramref name="year"/> into <paramref name="directory"/> (created if missing), replacing
    /// earlier ones. Progress goes from 0 to 1. On cancellation or failure no new file is published and no temporary
    /// file is left behind. The figures are those of one certification (<paramref name="certificationId"/>, by
    /// default the portal's first one), named in the titles and the JSON.
    /// </summary>
    public async Task<AnnualPackFiles> WriteAsync(int year, string directory, IProgress<double>? progress = null, CancellationToken cancellationToken = default,
        int? certificationId = null)
    {
        AnnualStatistics.EnsureValidYear(year);
        Directory.CreateDirectory(directory);
        progress?.Report(0);
        var certification = await certifications.ByIdAsync(certificationId, cancellationToken);
        var (figures, registrations) = await statistics.ForYearWithRegistrationsAsync(year, certification?.Id, cancellationToken);
        progress?.Report(0.2);
        var content = AnnualPackContent.From(figures) with { Certification = Name(certification) };
        var files = new AnnualPackFiles(
            Path.GetFullPath(Path.Combine(directory, WorkbookFileName(year))),
            Path.GetFullPath(Path.Combine(directory, JsonFileName(year))),
            Path.GetFullPath(Path.Combine(directory, PdfFileName(year))),
            Path.GetFullPath(Path.Combine(directory, ChartsFileName(year))));

        // All four are written under temporary names first and published together at the end: a cancelled or failed
        // run publishes nothing, and the files of a year always come from the same run.
        var temporaries = new List<(string Temporary, string Target)>();
        try
        {
            var workbookProgress = progress is null ? null : new ScaledProgress(progress, 0.2, 0.6);
            await WriteTemporaryAsync(files.Workbook, temporaries, stream =>
            {
                AnnualPackWorkbook.Write(content, registrations, stream, workbookProgress, figures.Profiles.Total, cancellationToken);
                return Task.CompletedTask;
            }, cancellationToken);
            progress?.Report(0.8);
            await WriteTemporaryAsync(files.Json, temporaries, stream => stream.WriteAsync(StatisticsJson.Serialize(figures, certification), cancellationToken).AsTask(), cancellationToken);
            progress?.Report(0.85);
            var pdf = AnnualPackPdf.Write(content);
            await WriteTemporaryAsync(files.Pdf, temporaries, stream => stream.WriteAsync(pdf, cancellationToken).AsTask(), cancellationToken);
            progress?.Report(0.92);
            await WriteTemporaryAsync(files.Charts, temporaries, stream =>
            {
                AnnualPackCharts.WriteZip(content, stream, cancellationToken);
                return Task.CompletedTask;
            }, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            // Renames within one folder: each file appears whole, at once.
            foreach (var (temporary, target) in temporaries) File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            foreach (var (temporary, _) in temporaries)
                if (File.Exists(temporary)) File.Delete(temporary);
        }
        progress?.Report(1);
        return files;
    }

    /// <summary>The workbook alone, for a download: written to <paramref name="output"/> (any writable stream; left open).</summary>
    public async Task WriteWorkbookAsync(int year, Stream output, CancellationToken cancellationToken = default, int? certificationId = null)
    {
        AnnualStatistics.EnsureValidYear(year);
        var certification = await certifications.ByIdAsync(certificationId, cancellationToken);
        var (figures, registrations) = await statistics.ForYearWithRegistrationsAsync(year, certification?.Id, cancellationToken);
        AnnualPackWorkbook.Write(AnnualPackContent.From(figures) with { Certification = Name(certification) }, registrations, output, cancellationToken: cancellationToken);
    }

    /// <summary>The PDF summary alone, for a download.</summary>
    public async Task<byte[]> PdfAsync(int year, CancellationToken cancellationToken = default, int? certificationId = null)
    {
        AnnualStatistics.EnsureValidYear(year);
        var certification = await certifications.ByIdAsync(certificationId, cancellationToken);
        return AnnualPackPdf.Write(AnnualPackContent.From(await statistics.ForYearAsync(year, certification?.Id, cancellationToken)) with { Certification = Name(certification) });
    }

    private static string Name(StatisticsCertification? certification) => certification?.Name ?? Certificates.CertificationNames.Fallback.Name;

    /// <summary>Writes a file beside its target (same folder, so publishing it is a rename), flushed to disk.</summary>
    private static async Task WriteTemporaryAsync(string target, List<(string Temporary, string Target)> temporaries, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        temporaries.Add((temporary, target));
        await using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        await write(stream);
        await stream.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true);
    }
}

/// <summary>Reports a step's own 0..1 as its slice of the whole, on the caller's thread (Progress&lt;T&gt; would post it).</summary>
internal sealed class ScaledProgress(IProgress<double> whole, double from, double span) : IProgress<double>
{
    public void Report(double value) => whole.Report(from + span * value);
}
