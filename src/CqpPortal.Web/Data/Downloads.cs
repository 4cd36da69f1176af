using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Web.Data;

/// <summary>Who a downloadable document is for; shown on the public "Documents à télécharger" page.</summary>
public enum DocumentAudience
{
    Everyone = 1,
    Candidates = 2,
    VaeCandidates = 3,
    Companies = 4,
}

/// <summary>
/// A PDF staff put in the public document library. Stored in PostgreSQL with the rest of the data (one store, one
/// backup); the size is kept beside the bytes so the list never loads them.
/// </summary>
public class LibraryDocument
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public DocumentAudience Audience { get; set; }
    public string? Description { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public int Size { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }

    /// <summary>The « avis conforme »: proposed until a SIST analyst approves or refuses it; only approved versions are public.</summary>
    public ApprovalState Approval { get; set; } = ApprovalState.Proposed;
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? RefusalReason { get; set; }
}

/// <summary>
/// One saved version of a content page (content/{Slug}.md is the initial version, before any revision). The newest
/// revision of a slug is the page the public reads; restoring saves an older text as a new revision.
/// </summary>
public class ContentRevision
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Markdown { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public required string SavedBy { get; set; }
    /// <summary>The revision this one restored, when it is a restore (null for an edit; 0 for the initial file).</summary>
    public int? RestoredFrom { get; set; }

    /// <summary>The « avis conforme »: proposed until a SIST analyst approves or refuses it; only approved versions are public.</summary>
    public ApprovalState Approval { get; set; } = ApprovalState.Proposed;
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? RefusalReason { get; set; }
}
