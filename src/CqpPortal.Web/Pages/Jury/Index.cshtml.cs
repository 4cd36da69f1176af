using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Juries;
using CqpPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Jury;

/// <summary>The member's own juries (candidates convened, their VAE booklets and jury PDF; past ones folded), then the other coming juries.</summary>
public class JuryHomeModel(CqpDbContext db, JuryMembers members, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public List<MemberJury> MyJuries { get; private set; } = [];
    public List<SessionSummary> Sessions { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        MyJuries = await members.SessionsOfAsync(users.GetUserId(User)!);
        // The member's own coming juries are listed above, with their candidates: the calendar below shows the others only
        // (it once listed every coming jury, so each of the member's appeared twice).
        Sessions = await SessionSummary.UpcomingExceptAsync(db, Now, MyJuries.Select(j => j.SessionId).ToList(), SessionKind.Jury);
    }
}
