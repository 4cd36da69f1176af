using CqpPortal.Web.Evaluations;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Evaluation;

/// <summary>« Mes sessions d'évaluation »: the sessions the signed-in evaluator is assigned to, coming ones first.</summary>
public class EvaluatorHomeModel(EvaluatorAssignments assignments, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<EvaluatorSessionRow> Sessions { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        Sessions = await assignments.SessionsOfAsync(users.GetUserId(User)!);
    }
}
