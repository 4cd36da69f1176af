using CqpPortal.Web.Audit;
using CqpPortal.Domain.Juries;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Evaluations;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Juries;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Jury;

/// <summary>
/// One of the member's juries: the convened candidates and their files; the president records each deliberation, every
/// member signs the minutes; once locked, the president may only correct a decision with a reason. Another jury answers 404.
/// </summary>
[AuditedAccess(AuditKinds.Decision)]
public class JurySessionModel(EvaluationAccess access, JuryProceedings proceedings, JuryMembers members, JuryDeliberations deliberations, JuryMinutes minutes,
    UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public JurySitting Sitting { get; private set; } = null!;
    public MemberJury Mine { get; private set; } = null!;
    public bool IsPresident { get; private set; }
    public bool Sat { get; private set; }

    /// <summary>Why this member cannot sign now (null: the button is shown).</summary>
    public string? SignBlockedBecause { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Refusal { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The candidate whose form was refused: the message and what was typed are shown again in it.</summary>
    public int? FailedRegistrationId { get; private set; }
    public string? Error { get; private set; }

    public sealed class InputModel
    {
        public int RegistrationId { get; set; }
        public JuryResult? Result { get; set; }
        public List<int> Units { get; set; } = [];
        public string? Observations { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var refused = await deliberations.RecordAsync(id, new DeliberationInput(Input.RegistrationId, Input.Result, Input.Units, Input.Observations), users.GetUserId(User)!);
        return await AfterAsync(id, refused, "Délibération enregistrée. Le candidat en sera informé une fois le procès-verbal signé par tous les membres.");
    }

    public async Task<IActionResult> OnPostCorrectAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var refused = await deliberations.CorrectAsync(id, new DeliberationInput(Input.RegistrationId, Input.Result, Input.Units, Input.Observations), Input.Reason,
            users.GetUserId(User)!, asStaff: false);
        return await AfterAsync(id, refused, "Correction enregistrée au procès-verbal ; le candidat en est informé par e-mail.");
    }

    public async Task<IActionResult> OnPostSignAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (await minutes.SignAsync(id, users.GetUserId(User)!) is { } refused) Refusal = refused;
        else Message = "Vous avez signé le procès-verbal.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetMinutesAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return File(JuryMinutes.Pdf(Sitting), "application/pdf", JuryMinutes.FileName(Sitting));
    }

    private async Task<IActionResult> AfterAsync(int id, string? refused, string done)
    {
        if (refused is null)
        {
            Message = done;
            return RedirectToPage(new { id });
        }
        (FailedRegistrationId, Error) = (Input.RegistrationId, refused);
        await LoadAsync(id);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (!await access.JurySessions(User).AnyAsync(s => s.Id == id)) return false;
        var userId = users.GetUserId(User)!;
        if (await proceedings.SittingAsync(id) is not { } sitting) return false;
        if ((await members.SessionsOfAsync(userId)).FirstOrDefault(j => j.SessionId == id) is not { } mine) return false;
        (Sitting, Mine) = (sitting, mine);
        IsPresident = sitting.President?.UserId == userId;
        Sat = sitting.Session.StartsAt <= clock.GetUtcNow();
        var me = sitting.Members.First(m => m.UserId == userId);
        SignBlockedBecause = sitting.Session.CancelledAt is not null ? "Ce jury est annulé."
            : JuryMinutesRules.WhyNotSign(isMember: true, me.SignedAt is not null, sitting.Locked, Sat, sitting.Undecided);
        return true;
    }
}
