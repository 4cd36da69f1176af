using System.Security.Claims;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Downloads;

/// <summary>A library PDF as it is sent back.</summary>
public sealed record LibraryFile(string FileName, byte[] Content);

/// <summary>
/// Who may download a library PDF, written once: anyone once SIST gave the « avis conforme »; before that (a proposal,
/// or a refused one) only staff, who uploaded it, and SIST's analysts, who decide on it. Anyone else gets nothing, as for
/// an id that does not exist.
/// </summary>
public sealed class LibraryDocumentAccess(CqpDbContext db)
{
    public static bool MayReadUnpublished(ClaimsPrincipal user) => Roles.IsStaff(user) || user.IsInRole(Roles.SistAnalyst);

    public IQueryable<LibraryDocument> Readable(ClaimsPrincipal user) =>
        MayReadUnpublished(user) ? db.LibraryDocuments : db.LibraryDocuments.Where(d => d.Approval == ApprovalState.Approved);

    /// <summary>The PDF, or null when it does not exist or <paramref name="user"/> may not read it.</summary>
    public Task<LibraryFile?> FileAsync(int id, ClaimsPrincipal user) =>
        Readable(user).Where(d => d.Id == id).Select(d => new LibraryFile(d.FileName, d.Content)).FirstOrDefaultAsync();
}
