using CqpPortal.Web.Hosting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Juries;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Jurys;

/// <summary>One jury session: its members and president, convene candidates before it, read the decisions and signatures after it, download the minutes.</summary>
public class StaffJurySessionModel(JuryProceedings juries, JuryMembers members, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public JurySitting Sitting { get; private set; } = null!;
    public IReadOnlyList<JuryCandidacy> Candidacies { get; private set; } = [];
    public IReadOnlyList<JuryMemberRow> Members { get; private set; } = [];
    public IReadOnlyList<JuryMemberChoice> MemberChoices { get; private set; } = [];

    /// <summary>When an assignment was refused: why, beside the list, with the choice kept.</summary>
    public string? MemberError { get; private set; }
    public string? ChosenMemberId { get; private set; }
    public bool Sat { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Why a convocation was refused, shown after the redirect.</summary>
    [TempData]
    public string? Refusal { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConveneAsync(int id, int registrationId)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (await juries.ConveneAsync(id, registrationId) is { } refused) Refusal = refused;
        else Message = "Le candidat est convoqué : la convocation est dans ses documents et lui a été envoyée par e-mail.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPresidentAsync(int id, string? memberId)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (await members.DesignatePresidentAsync(id, memberId) is { } refused) Refusal = refused;
        else Message = "Le président du jury est désigné : il enregistre la délibération dans son espace jury.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, string? memberId)
    {
        if (!await LoadAsync(id)) return NotFound();
        var refused = await members.AssignAsync(id, memberId, users.GetUserId(User)!, Url.PublicPage("/Jury/Index"));
        if (refused is null)
        {
            Message = "Le membre est affecté à ce jury ; il en est informé par e-mail.";
            return RedirectToPage(new { id });
        }
        (MemberError, ChosenMemberId) = (refused, memberId);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string? memberId)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (await members.RemoveAsync(id, memberId) is { } refused) Refusal = refused;
        else Message = "Le membre est retiré de ce jury.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetMinutesAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return File(JuryMinutes.Pdf(Sitting), "application/pdf", JuryMinutes.FileName(Sitting));
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await juries.SittingAsync(id) is not { } sitting) return false;
        Sitting = sitting;
        Sat = sitting.Session.StartsAt <= clock.GetUtcNow();
        Members = await members.MembersAsync(id);
        if (sitting.Session.CancelledAt is null) MemberChoices = await members.ChoicesAsync(id);
        if (!Sat && sitting.Session.CancelledAt is null) Candidacies = await juries.CandidaciesAsync(sitting.Session);
        return true;
    }
}
