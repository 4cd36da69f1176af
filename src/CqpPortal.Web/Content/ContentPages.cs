using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Content;

/// <summary>One version of a content page in its history; <see cref="Id"/> 0 is the initial file of content/.</summary>
public sealed record ContentVersion(int Id, DateTimeOffset? SavedAt, string SavedBy, int? RestoredFrom,
    ApprovalState Approval = ApprovalState.Approved, string? ReviewedBy = null, DateTimeOffset? ReviewedAt = null, string? RefusalReason = null);

public sealed record ContentSaveResult(bool Saved, string? Error);

/// <summary>
/// The content pages as the public reads them: the newest revision SIST approved (the « avis conforme »), or else the
/// Markdown file of content/ (the initial version). Every save is a new revision (who, when), proposed to SIST's
/// analysts: nothing staff write is public before it is approved (<see cref="Publishing.Proposals"/> decides). Restoring
/// an old version proposes it again, so the history only grows. Only pages that have a file can be edited: staff
/// change pages, the set of pages is the code's.
/// </summary>
public sealed class ContentPages(CqpDbContext db, ContentLibrary files, TimeProvider clock, SistMailer sist)
{
    public const int MaxLength = 100_000;

    public IEnumerable<string> Slugs() => files.Slugs();

    public bool Exists(string slug) => files.FileMarkdown(slug) is not null;

    private IQueryable<ContentRevision> Approved(string slug) =>
        db.ContentRevisions.Where(r => r.Slug == slug && r.Approval == ApprovalState.Approved).OrderByDescending(r => r.Id);

    /// <summary>The page the public reads: the newest approved revision, or the file.</summary>
    public async Task<ContentPage?> FindAsync(string slug)
    {
        if (!ContentLibrary.IsValidSlug(slug)) return null;
        var published = await Approved(slug).Select(r => r.Markdown).FirstOrDefaultAsync();
        return published is not null && Exists(slug) ? ContentLibrary.Render(slug, published) : files.Find(slug);
    }

    /// <summary>The Markdown the public reads (the newest approved revision, or the file).</summary>
    public async Task<string?> PublishedMarkdownAsync(string slug) =>
        !Exists(slug) ? null : await Approved(slug).Select(r => r.Markdown).FirstOrDefaultAsync() ?? files.FileMarkdown(slug);

    /// <summary>The id of the version the public reads: the newest approved revision, or 0 for the file.</summary>
    public async Task<int> PublishedIdAsync(string slug) => await Approved(slug).Select(r => r.Id).FirstOrDefaultAsync();

    /// <summary>The Markdown staff edit: the newest revision (a proposal waiting, or refused, is where they left off), or the file.</summary>
    public async Task<string?> MarkdownAsync(string slug)
    {
        if (!Exists(slug)) return null;
        return await db.ContentRevisions.Where(r => r.Slug == slug).OrderByDescending(r => r.Id).Select(r => r.Markdown).FirstOrDefaultAsync()
            ?? files.FileMarkdown(slug);
    }

    /// <summary>The newest revision's state, when it is not the published one (a proposal waiting, or refused).</summary>
    public async Task<ContentVersion?> NewestUnpublishedAsync(string slug) =>
        (await HistoryAsync(slug)).FirstOrDefault() is { Approval: not ApprovalState.Approved } newest ? newest : null;

    /// <summary>The Markdown of one version: a revision of this page, or 0 for the initial file.</summary>
    public async Task<string?> VersionAsync(string slug, int versionId) =>
        versionId == 0 ? files.FileMarkdown(slug) : await db.ContentRevisions.Where(r => r.Slug == slug && r.Id == versionId).Select(r => r.Markdown).FirstOrDefaultAsync();

    /// <summary>Newest first, ending with the initial file; each with who proposed it and SIST's decision.</summary>
    public async Task<IReadOnlyList<ContentVersion>> HistoryAsync(string slug)
    {
        var revisions = await db.ContentRevisions.Where(r => r.Slug == slug).OrderByDescending(r => r.Id)
            .Select(r => new ContentVersion(r.Id, r.SavedAt, r.SavedBy, r.RestoredFrom, r.Approval, r.ReviewedBy, r.ReviewedAt, r.RefusalReason)).ToListAsync();
        return [.. revisions, new ContentVersion(0, null, "version initiale (fichier content/" + slug + ".md)", null)];
    }

    public static string? Check(string slug, string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "Saisissez le contenu de la page.";
        if (markdown.Length > MaxLength) return $"La page ne peut dépasser {MaxLength:N0} caractères.";
        if (ContentLibrary.Render(slug, markdown).Title == slug)
            return "Donnez un titre à la page : une ligne « title: … » dans l'en-tête, ou un titre « # … » au début.";
        return null;
    }

    /// <summary>Saves a new revision as a proposal and tells SIST's analysts; <paramref name="reviewLink"/> is where they decide.</summary>
    public async Task<ContentSaveResult> SaveAsync(string slug, string markdown, string savedBy, string reviewLink, int? restoredFrom = null)
    {
        if (!Exists(slug)) return new ContentSaveResult(false, "Cette page n'existe pas.");
        if (Check(slug, markdown) is { } error) return new ContentSaveResult(false, error);
        var newest = await db.ContentRevisions.Where(r => r.Slug == slug).OrderByDescending(r => r.Id).Select(r => new { r.Markdown, r.Approval }).FirstOrDefaultAsync();
        if (newest is { Approval: ApprovalState.Proposed } && newest.Markdown == markdown)
            return new ContentSaveResult(false, "Ce texte attend déjà l'avis conforme du SIST : rien n'a été enregistré.");
        if (await PublishedMarkdownAsync(slug) == markdown)
            return new ContentSaveResult(false, "Le texte est identique à la version en ligne : rien n'a été enregistré.");
        db.ContentRevisions.Add(new ContentRevision
        {
            Slug = slug, Markdown = markdown, SavedAt = clock.GetUtcNow().ToUniversalTime(), SavedBy = savedBy, RestoredFrom = restoredFrom,
            Approval = ApprovalState.Proposed,
        });
        await db.SaveChangesAsync();
        await sist.ProposalToReviewAsync($"une nouvelle version de la page « {ContentLibrary.Render(slug, markdown).Title} »", savedBy, reviewLink);
        return new ContentSaveResult(true, null);
    }

    public async Task<ContentSaveResult> RestoreAsync(string slug, int versionId, string savedBy, string reviewLink) =>
        await VersionAsync(slug, versionId) is { } markdown
            ? await SaveAsync(slug, markdown, savedBy, reviewLink, versionId)
            : new ContentSaveResult(false, "Cette version n'existe pas.");
}
