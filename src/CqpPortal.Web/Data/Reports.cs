namespace CqpPortal.Web.Data;

public enum ReportRunState { Queued = 0, Running = 1, Succeeded = 2, Failed = 3 }

/// <summary>
/// One run of a report (the annual pack of a year, the holder outcomes of a jury session…): who asked, where it stands,
/// and, once it succeeded, its files. Files are written in the same transaction that marks the run Succeeded, so a
/// half-written file is never offered.
/// </summary>
public class ReportRun
{
    public int Id { get; set; }

    /// <summary>The producer's kind ("annual-pack", "holder-outcomes").</summary>
    public required string Kind { get; set; }

    /// <summary>Parameters: the year of an annual pack, the jury session of a holder-outcome report.</summary>
    public int? Year { get; set; }
    public int? SessionId { get; set; }
    public Session? Session { get; set; }

    /// <summary>The certification whose figures a statistics report gives (the annual pack); null: the portal's first one.</summary>
    public int? CertificationId { get; set; }

    /// <summary>Null when the scheduler asked; the name is kept as it was, for the list.</summary>
    public string? RequestedById { get; set; }
    public required string RequestedByName { get; set; }

    /// <summary>Set for the runs queued by the scheduler, so a trigger fired twice queues one run only (unique).</summary>
    public string? DedupeKey { get; set; }

    public ReportRunState State { get; set; }
    public int ProgressPercent { get; set; }
    public string? ProgressStep { get; set; }

    /// <summary>How many times a scheduler started it: above 1 after a recovery.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>In French, for the runs page.</summary>
    public string? ErrorMessage { get; set; }
    public List<ReportRunFile> Files { get; set; } = [];
}

/// <summary>An output file of a succeeded run, in PostgreSQL with the rest (one store, transactional, backed up together).</summary>
public class ReportRunFile
{
    public int Id { get; set; }
    public int ReportRunId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public long Length { get; set; }
}
