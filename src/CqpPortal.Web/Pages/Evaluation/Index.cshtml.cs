using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Evaluation;

public class EvaluatorHomeModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public List<SessionSummary> Sessions { get; private set; } = [];

    public async Task OnGetAsync() =>
        Sessions = await SessionSummary.UpcomingAsync(db, clock.GetUtcNow(), SessionKind.Evaluation, SessionKind.VaeSituation);
}
