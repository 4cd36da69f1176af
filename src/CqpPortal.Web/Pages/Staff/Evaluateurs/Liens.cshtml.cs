using CqpPortal.Web.Audit;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Evaluations;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Evaluateurs;

/// <summary>Staff declare an evaluator's links: a candidate they trained (picked by name) or the company they belong to.</summary>
[AuditedAccess(AuditKinds.Evaluator)]
public class StaffEvaluatorLinksModel(EvaluatorRegister register, UserManager<PortalUser> users) : PageModel
{
    public EvaluatorFile Evaluator { get; private set; } = null!;
    public IReadOnlyList<Choice> Candidates { get; private set; } = [];
    public IReadOnlyList<Choice> Companies { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }
    public EvaluatorLinkKind? TypedKind { get; private set; }
    public int? TypedCandidateId { get; private set; }
    public int? TypedCompanyId { get; private set; }
    public string? TypedNote { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddLinkAsync(int id, EvaluatorLinkKind? kind, int? candidateId, int? companyId, string? note)
    {
        if (!await LoadAsync(id)) return NotFound();
        var refused = await register.AddLinkAsync(id, kind, candidateId, companyId, note, users.GetUserId(User)!);
        if (refused is null)
        {
            Message = "Le lien est déclaré : l'évaluateur ne pourra pas être affecté à une session où ce candidat est inscrit.";
            return RedirectToPage(new { id });
        }
        (Error, TypedKind, TypedCandidateId, TypedCompanyId, TypedNote) = (refused, kind, candidateId, companyId, note);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveLinkAsync(int id, int linkId)
    {
        if (!await LoadAsync(id)) return NotFound();
        Message = await register.RemoveLinkAsync(id, linkId) ?? "Le lien est retiré.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await register.FileAsync(id) is not { } file) return false;
        Evaluator = file;
        Candidates = await register.CandidateChoicesAsync();
        Companies = await register.CompanyChoicesAsync();
        return true;
    }
}
