using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Reports;

/// <summary>One line of the runs page (and of its JSON for the progress polling); files only once the run succeeded.</summary>
public sealed record ReportRunRow(
    int Id, string Kind, string KindLabel, string Parameters, string RequestedBy, DateTimeOffset CreatedAt,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReportRunState>))] ReportRunState State,
    string StateLabel, int Progress, string? Step, string Duration, string? Error, IReadOnlyList<ReportRunFileRow> Files);

public sealed record ReportRunFileRow(int Id, string FileName, long Length)
{
    public string Url => $"/Analyse/Rapports/Fichier/{Id}";
    public string Size => ReportRunList.Size(Length);
}

/// <summary>Reads the latest runs for the runs page.</summary>
public sealed class ReportRunList(CqpDbContext db, IEnumerable<IReportProducer> producers, TimeProvider clock)
{
    public const int Shown = 50;

    /// <summary>Whether any run, shown or not, is still queued or running: what the page says and when its polling stops.</summary>
    public Task<bool> AnyActiveAsync(CancellationToken cancellationToken = default) =>
        db.ReportRuns.AnyAsync(r => r.State == ReportRunState.Queued || r.State == ReportRunState.Running, cancellationToken);

    /// <summary>The kind's label as its producer declares it, else the known labels, else the kind itself.</summary>
    public string KindLabel(string kind) =>
        producers.FirstOrDefault(p => p.Kind == kind)?.Descriptor?.Label ?? ReportKinds.Label(kind);

    public async Task<IReadOnlyList<ReportRunRow>> LatestAsync(CancellationToken cancellationToken = default)
    {
        var runs = await db.ReportRuns.AsNoTracking()
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(Shown)
            .Select(r => new
            {
                r.Id, r.Kind, r.Year, SessionStartsAt = (DateTimeOffset?)r.Session!.StartsAt, SessionCity = r.Session.City, r.SessionId,
                r.RequestedByName, r.CreatedAt, r.State, r.ProgressPercent, r.ProgressStep, r.StartedAt, r.FinishedAt, r.ErrorMessage,
                // Files are read only with the Succeeded state: that is what makes them downloadable.
                // The answers file names holders: downloaded from SIST's page only (/Analyse/Enquetes), not from the runs list.
                Files = r.State == ReportRunState.Succeeded && r.Kind != ReportKinds.SurveyAnswers
                    ? r.Files.OrderBy(f => f.FileName).Select(f => new ReportRunFileRow(f.Id, f.FileName, f.Length)).ToList()
                    : new List<ReportRunFileRow>(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return runs.Select(r => new ReportRunRow(
            r.Id, r.Kind, KindLabel(r.Kind),
            // The parameters a run carries, whatever its kind: a session, a year, or none.
            r.Kind == ReportKinds.SurveyAnswers ? "Toutes les réponses ; téléchargement réservé au SIST (Analyse › Enquêtes)"
                : r.SessionStartsAt is { } at ? $"Jury du {FrenchFormat.Date(at)} ({r.SessionCity})"
                : r.SessionId is { } sessionId ? $"Session n° {sessionId} (supprimée)"
                : r.Year is { } y ? $"Année {y}" : "",
            r.RequestedByName, r.CreatedAt, r.State, StateLabel(r.State), r.ProgressPercent, r.ProgressStep,
            r.StartedAt is { } started ? Duration((r.FinishedAt ?? now) - started) : "",
            r.ErrorMessage, r.Files)).ToList();
    }

    public static string StateLabel(ReportRunState state) => state switch
    {
        ReportRunState.Queued => "En attente",
        ReportRunState.Running => "En cours",
        ReportRunState.Succeeded => "Terminé",
        _ => "Échec",
    };

    /// <summary>"45 s", "2 min 05 s", "1 h 02 min".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalMinutes < 1) return $"{(int)span.TotalSeconds} s";
        if (span.TotalHours < 1) return $"{(int)span.TotalMinutes} min {span.Seconds:00} s";
        return $"{(int)span.TotalHours} h {span.Minutes:00} min";
    }

    /// <summary>« 12 ko », « 1,4 Mo »: the portal's one format (<see cref="Domain.Documents.FileSize"/>).</summary>
    public static string Size(long bytes) => Domain.Documents.FileSize.InFrench(bytes);
}
