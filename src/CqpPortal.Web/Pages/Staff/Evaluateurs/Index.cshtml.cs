using CqpPortal.Web.Evaluations;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Evaluateurs;

/// <summary>The evaluators' register as staff read it, and a form to propose a name to SIST.</summary>
public class StaffEvaluatorsModel(EvaluatorRegister register, UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    public EvaluatorDetailsInput Input { get; set; } = new();

    public IReadOnlyList<RegisterRow> Rows { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync() => Rows = await register.ListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var (_, refused) = await register.ProposeAsync(Input.ToDetails(), users.GetUserId(User)!);
            if (refused is null)
            {
                Message = $"{Input.FullName!.Trim()} est proposé(e) au SIST, qui décide de son habilitation.";
                return RedirectToPage();
            }
            ModelState.AddModelError("Input.Email", refused);
        }
        Rows = await register.ListAsync();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
