using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Jury;

public class JuryHomeModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public List<SessionSummary> Sessions { get; private set; } = [];

    public async Task OnGetAsync() => Sessions = await SessionSummary.UpcomingAsync(db, clock.GetUtcNow(), SessionKind.Jury);
}
