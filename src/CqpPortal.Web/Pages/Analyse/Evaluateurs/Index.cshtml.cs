using CqpPortal.Web.Evaluations;
using CqpPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Analyse.Evaluateurs;

/// <summary>The evaluators' register SIST keeps: the list (with staff's proposals), and a form to add an evaluator.</summary>
public class SistEvaluatorsModel(EvaluatorRegister register) : PageModel
{
    [BindProperty]
    public EvaluatorDetailsInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<RegisterRow> Rows { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!EvaluationAccess.KeepsRegister(User)) return Forbid();
        Rows = await register.ListAsync(Search);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!EvaluationAccess.KeepsRegister(User)) return Forbid();
        if (ModelState.IsValid)
        {
            var (id, refused) = await register.CreateAsync(Input.ToDetails());
            if (refused is null)
            {
                Message = $"{Input.FullName!.Trim()} est ajouté(e) au registre : accordez son habilitation et ouvrez son compte depuis sa fiche.";
                return RedirectToPage("Fiche", new { id });
            }
            ModelState.AddModelError("Input.Email", refused);
        }
        Rows = await register.ListAsync(Search);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
