using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Pages.Shared;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Entreprise.Salarie;

/// <summary>
/// The company's pre-positioning of a followed employee: the manager (with the tutor they name) marks every competence,
/// keeps a draft, then sends it to the organisation; once sent it is read-only, beside the centre's positioning.
/// </summary>
public class EmployeePositioningModel(Positionings positionings) : PageModel
{
    public sealed class CompanyInput
    {
        public string? TutorName { get; set; }
        public string? Comment { get; set; }
        public Dictionary<int, MarkForm> Marks { get; set; } = [];
    }

    [BindProperty]
    public CompanyInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public PositioningsView Positionings { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int registrationId)
    {
        if (await positionings.ReadAsync(User, registrationId) is not { } read) return NotFound();
        Positionings = read;
        Input = new CompanyInput
        {
            TutorName = read.Company?.TutorName, Comment = read.Company?.Comment, Marks = PositioningForm.From(read, PositioningSide.Company),
        };
        return Page();
    }

    /// <summary>« Enregistrer le brouillon » posts send=false, « Transmettre à l'organisme » send=true.</summary>
    public async Task<IActionResult> OnPostAsync(int registrationId, bool send)
    {
        var outcome = await positionings.SaveCompanyAsync(User, registrationId,
            new CompanyPositioningInput(Input.TutorName, Input.Comment, PositioningForm.ToInput(Input.Marks)), send);
        if (!outcome.Found) return NotFound();
        if (outcome.Succeeded)
        {
            Message = send
                ? "Pré-positionnement transmis à l'organisme de formation : il ne peut plus être modifié."
                : "Brouillon enregistré : vous pourrez le compléter puis le transmettre à l'organisme de formation.";
            return RedirectToPage(new { registrationId });
        }
        if (await positionings.ReadAsync(User, registrationId) is not { } read) return NotFound();
        (Positionings, Errors) = (read, outcome.Errors);
        return Page();
    }
}
