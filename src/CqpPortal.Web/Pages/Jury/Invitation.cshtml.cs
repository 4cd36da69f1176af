using CqpPortal.Web.Audit;
using CqpPortal.Web.Evaluations;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Juries;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Jury;

/// <summary>The member's letter « Invitation au jury » (PDF) for a jury they sit on; any other id answers 404.</summary>
[NotAudited("the jury member's own invitation letter")]
public class JuryInvitationModel(EvaluationAccess access, JuryMembers members, UserManager<PortalUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int sessionId)
    {
        if (!await access.JurySessions(User).AnyAsync(s => s.Id == sessionId)) return NotFound();
        if (await members.InvitationAsync(sessionId, users.GetUserId(User)!) is not { } letter) return NotFound();
        return File(letter.Content, "application/pdf", letter.FileName);
    }
}
