using CqpPortal.Domain.Vae;
using System.Security.Claims;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Vae;

/// <summary>A booklet document as it is sent back.</summary>
public sealed record VaeFileContent(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Who may read a VAE booklet's documents and its jury PDF, written once for every route (candidate, staff, jury):
/// the candidate who owns it; staff; a jury member assigned to a jury session, not cancelled, to which the candidate
/// is convened — and only for booklets the organisation has accepted (booklet 1 recevable, booklet 2 complete), never a
/// draft, a booklet waiting for review or one sent back. Anyone else gets nothing, as for an id that does not exist.
/// </summary>
public sealed class VaeFileAccess(CqpDbContext db, VaeJuryDossier dossier, UserManager<PortalUser> users)
{
    /// <summary>The booklets <paramref name="user"/> may read.</summary>
    public IQueryable<Booklet> ReadableBooklets(ClaimsPrincipal user)
    {
        var userId = users.GetUserId(user);
        if (userId is null) return db.Booklets.Where(_ => false);
        if (Roles.IsStaff(user)) return db.Booklets;
        var jury = user.IsInRole(Roles.JuryMember);
        var own = db.Booklets.Where(b => b.Registration!.Candidate!.UserId == userId);
        return jury ? own.Union(JuryBooklets(userId)) : own;
    }

    /// <summary>The booklets a jury member reads: accepted ones, of the candidates convened to their juries.</summary>
    public IQueryable<Booklet> JuryBooklets(string userId) =>
        db.Booklets.Where(b => b.State == BookletState.Admissible && Juries.JuryConvocations.RegistrationsFor(db, userId).Contains(b.RegistrationId));

    /// <summary>A booklet document, or null when it does not exist or <paramref name="user"/> may not read it.</summary>
    public Task<VaeFileContent?> DocumentAsync(int documentId, ClaimsPrincipal user)
    {
        var readable = ReadableBooklets(user);
        return db.BookletDocuments.Where(d => d.Id == documentId && readable.Any(b => b.Id == d.BookletId))
            .Select(d => new VaeFileContent(d.FileName, d.ContentType, d.Content)).FirstOrDefaultAsync();
    }

    /// <summary>The jury PDF of an accepted booklet 2, or null when there is none or <paramref name="user"/> may not read it.</summary>
    public async Task<VaeFileContent?> JuryPdfAsync(int bookletId, ClaimsPrincipal user)
    {
        if (!await ReadableBooklets(user).AnyAsync(b => b.Id == bookletId)) return null;
        return await dossier.PdfAsync(bookletId) is { } pdf ? new VaeFileContent(pdf.FileName, "application/pdf", pdf.Content) : null;
    }
}

public static class VaeFileResults
{
    /// <summary>The file as an attachment, never sniffed into something else; 404 when there is none (or it is not the reader's).</summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult Attachment(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, VaeFileContent? file)
    {
        if (file is null) return page.NotFound();
        page.Response.Headers.XContentTypeOptions = "nosniff";
        return page.File(file.Content, file.ContentType, file.FileName);
    }
}
