using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Content;

/// <summary>One version of a content page in its history; <see cref="Id"/> 0 is the initial file of content/.</summary>
public sealed record ContentVersion(int Id, DateTimeOffset? SavedAt, string SavedBy, int? RestoredFrom);

public sealed record ContentSaveResult(bool Saved, string? Error);

/// <summary>
/// The content pages as the public reads them: the newest revision staff saved, or else the Markdown file of content/
/// (the initial version). Every save is a new revision (who, when); restoring an old version saves it again, so the
/// history only grows. Only pages that have a file can be edited: staff change pages, the set of pages is the code's.
/// </summary>
public sealed class ContentPages(CqpDbContext db, ContentLibrary files, TimeProvider clock)
{
    public const int MaxLength = 100_000;

    public IEnumerable<string> Slugs() => files.Slugs();

    public bool Exists(string slug) => files.FileMarkdown(slug) is not null;

    public async Task<ContentPage?> FindAsync(string slug)
    {
        if (!ContentLibrary.IsValidSlug(slug)) return null;
        var latest = await db.ContentRevisions.Where(r => r.Slug == slug).OrderByDescending(r => r.Id).Select(r => r.Markdown).FirstOrDefaultAsync();
        return latest is not null && Exists(slug) ? ContentLibrary.Render(slug, latest) : files.Find(slug);
    }

    /// <summary>The Markdown staff edit: the newest revision, or the file.</summary>
    public async Task<string?> MarkdownAsync(string slug)
    {
        if (!Exists(slug)) return null;
        return await db.ContentRevisions.Where(r => r.Slug == slug).OrderByDescending(r => r.Id).Select(r => r.Markdown).FirstOrDefaultAsync()
            ?? files.FileMarkdown(slug);
    }

    /// <summary>The Markdown of one version: a revision of this page, or 0 for the initial file.</summary>
    public async Task<string?> VersionAsync(string slug, int versionId) =>
        versionId == 0 ? files.FileMarkdown(slug) : await db.ContentRevisions.Where(r => r.Slug == slug && r.Id == versionId).Select(r => r.Markdown).FirstOrDefaultAsync();

    /// <summary>Newest first, ending with the initial file.</summary>
    public async Task<IReadOnlyList<ContentVersion>> HistoryAsync(string slug)
    {
        var revisions = await db.ContentRevisions.Where(r => r.Slug == slug).OrderByDescending(r => r.Id)
            .Select(r => new ContentVersion(r.Id, r.SavedAt, r.SavedBy, r.RestoredFrom)).ToListAsync();
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

    public async Task<ContentSaveResult> SaveAsync(string slug, string markdown, string savedBy, int? restoredFrom = null)
    {
        if (!Exists(slug)) return new ContentSaveResult(false, "Cette page n'existe pas.");
        if (Check(slug, markdown) is { } error) return new ContentSaveResult(false, error);
        if (await MarkdownAsync(slug) == markdown) return new ContentSaveResult(false, "Le texte est identique à la version en ligne : rien n'a été enregistré.");
        db.ContentRevisions.Add(new ContentRevision { Slug = slug, Markdown = markdown, SavedAt = clock.GetUtcNow(), SavedBy = savedBy, RestoredFrom = restoredFrom });
        await db.SaveChangesAsync();
        return new ContentSaveResult(true, null);
    }

    public async Task<ContentSaveResult> RestoreAsync(string slug, int versionId, string savedBy) =>
        await VersionAsync(slug, versionId) is { } markdown
            ? await SaveAsync(slug, markdown, savedBy, versionId)
            : new ContentSaveResult(false, "Cette version n'existe pas.");
}
