using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Juries;
using CqpPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Jury;

/// <summary>The member's own juries (candidates convened, their VAE booklets and jury PDF), then the calendar of coming juries.</summary>
public class JuryHomeModel(CqpDbContext db, JuryMembers members, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public List<MemberJury> MyJuries { get; private set; } = [];
    public List<SessionSummary> Sessions { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        MyJuries = await members.SessionsOfAsync(users.GetUserId(User)!);
        Sessions = await SessionSummary.UpcomingAsync(db, Now, SessionKind.Jury);
    }
}
