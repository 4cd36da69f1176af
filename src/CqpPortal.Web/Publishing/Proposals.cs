using System.Data;
using System.Security.Claims;
using CqpPortal.Domain.Publishing;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Content;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Publishing;

public sealed record ContentProposal(int Id, string Slug, string Title, DateTimeOffset SavedAt, string SavedBy, int? RestoredFrom);

public sealed record DocumentProposal(int Id, string Title, DocumentAudience Audience, string? Description, int Size, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>A decision taken, or the French reason it was not.</summary>
public sealed record DecisionResult(bool Done, string? Error);

/// <summary>
/// The « avis conforme » as SIST's analysts give it: the proposals waiting (content page revisions and library PDFs),
/// and the decision on one — checked by <see cref="AvisConforme"/> (a SIST analyst, not the author, a proposal only, a
/// reason to refuse), recorded on the proposal (who, when, why) and told to its author by e-mail. An approved version
/// becomes the public one at once (the public pages' cache is evicted by the save).
/// </summary>
public sealed class Proposals(CqpDbContext db, TimeProvider clock, StaffMailer mailer)
{
    public async Task<IReadOnlyList<ContentProposal>> ContentAsync()
    {
        var rows = await db.ContentRevisions.Where(r => r.Approval == ApprovalState.Proposed).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Slug, r.Markdown, r.SavedAt, r.SavedBy, r.RestoredFrom }).ToListAsync();
        return rows.Select(r => new ContentProposal(r.Id, r.Slug, ContentLibrary.Render(r.Slug, r.Markdown).Title, r.SavedAt, r.SavedBy, r.RestoredFrom)).ToList();
    }

    public async Task<IReadOnlyList<DocumentProposal>> DocumentsAsync() =>
        await db.LibraryDocuments.Where(d => d.Approval == ApprovalState.Proposed).OrderBy(d => d.UploadedAt)
            .Select(d => new DocumentProposal(d.Id, d.Title, d.Audience, d.Description, d.Size, d.UploadedAt, d.UploadedBy)).ToListAsync();

    /// <summary>Decides on a content revision; null when there is no such revision. <paramref name="historyLink"/> makes the page's history link for the author.</summary>
    public async Task<DecisionResult?> DecideContentAsync(int revisionId, ClaimsPrincipal reviewer, ApprovalDecision decision, string? reason, Func<string, string> historyLink)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"ContentRevisions\" WHERE \"Id\" = {revisionId} FOR UPDATE"); // two analysts at once: decided once
        var revision = await db.ContentRevisions.FirstOrDefaultAsync(r => r.Id == revisionId);
        if (revision is null) return null;
        var outcome = Decide(revision.Approval, revision.SavedBy, reviewer, decision, reason);
        if (!outcome.Allowed) return new DecisionResult(false, outcome.Refusal);
        (revision.Approval, revision.ReviewedBy, revision.ReviewedAt, revision.RefusalReason) = (outcome.NewState!.Value, reviewer.Identity!.Name, clock.GetUtcNow().ToUniversalTime(), outcome.Reason);
        await db.SaveChangesAsync();
        var title = ContentLibrary.Render(revision.Slug, revision.Markdown).Title;
        await mailer.ProposalDecidedAsync(revision.SavedBy, $"la nouvelle version de la page « {title} »", revision.Approval == ApprovalState.Approved, revision.RefusalReason, historyLink(revision.Slug));
        await transaction.CommitAsync(); // the e-mail leaves with the commit
        return new DecisionResult(true, null);
    }

    /// <summary>Decides on a library PDF; null when there is no such document.</summary>
    public async Task<DecisionResult?> DecideDocumentAsync(int documentId, ClaimsPrincipal reviewer, ApprovalDecision decision, string? reason, string libraryLink)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"LibraryDocuments\" WHERE \"Id\" = {documentId} FOR UPDATE");
        var document = await db.LibraryDocuments.FirstOrDefaultAsync(d => d.Id == documentId);
        if (document is null) return null;
        var outcome = Decide(document.Approval, document.UploadedBy, reviewer, decision, reason);
        if (!outcome.Allowed) return new DecisionResult(false, outcome.Refusal);
        (document.Approval, document.ReviewedBy, document.ReviewedAt, document.RefusalReason) = (outcome.NewState!.Value, reviewer.Identity!.Name, clock.GetUtcNow().ToUniversalTime(), outcome.Reason);
        await db.SaveChangesAsync();
        await mailer.ProposalDecidedAsync(document.UploadedBy, $"le document « {document.Title} »", document.Approval == ApprovalState.Approved, document.RefusalReason, libraryLink);
        await transaction.CommitAsync();
        return new DecisionResult(true, null);
    }

    private static ApprovalOutcome Decide(ApprovalState current, string author, ClaimsPrincipal reviewer, ApprovalDecision decision, string? reason) =>
        AvisConforme.Decide(new ApprovalRequest(current, author, reviewer.Identity?.Name ?? "", reviewer.IsInRole(Roles.SistAnalyst), decision, reason));
}
