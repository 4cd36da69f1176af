using System.Security.Claims;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Registrations;

/// <summary>A registration proof as it is sent back.</summary>
public sealed record ProofFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Who may read a registration proof, written once for every route: the candidate whose file it is, and staff.
/// Anyone else (another candidate, a company manager, a jury member…) gets nothing, as for an id that does not exist.
/// </summary>
public sealed class ProofAccess(CqpDbContext db, UserManager<PortalUser> users)
{
    public Task<ProofFile?> ProofAsync(int proofId, ClaimsPrincipal user)
    {
        var userId = users.GetUserId(user);
        if (userId is null) return Task.FromResult<ProofFile?>(null);
        var proofs = db.RegistrationProofs.Where(p => p.Id == proofId);
        if (!Roles.IsStaff(user))
            proofs = proofs.Where(p => db.Registrations.Any(r => r.Id == p.RegistrationId && r.Candidate!.UserId == userId));
        return proofs.Select(p => new ProofFile(p.FileName, p.ContentType, p.Content)).FirstOrDefaultAsync();
    }
}

public static class ProofFileResults
{
    /// <summary>The proof as an attachment, never sniffed nor kept in a cache (personal data); 404 when there is none (or it is not the reader's).</summary>
    public static IActionResult Attachment(this PageModel page, ProofFile? file)
    {
        if (file is null) return page.NotFound();
        page.Response.Headers.XContentTypeOptions = "nosniff";
        page.Response.Headers.CacheControl = "no-store";
        return page.File(file.Content, file.ContentType, file.FileName);
    }
}
