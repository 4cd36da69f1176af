using CqpPortal.Web.Audit;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Formation;

/// <summary>
/// A trainee's hours for staff: hours per unit planned and done, the half-days by date, the funders' documents, and the
/// waiver letting the trainee sign up for an evaluation before the path's hours are done.
/// </summary>
[AuditedAccess(AuditKinds.Training, Subject = "registrationId")]
public class TraineeHoursModel(TrainingRecord records, TrainingDocuments documents, EvaluationWaiver waiver) : PageModel
{
    public sealed class WaiverInput
    {
        public string? Reason { get; set; }
    }

    [BindProperty]
    public WaiverInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public TraineeRecord Record { get; private set; } = null!;

    /// <summary>Why the end-of-training certificate cannot be downloaded yet (French); null when it can.</summary>
    public string? WhyNoCertificateYet { get; private set; }

    public string? WaiverError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int registrationId)
    {
        if (!await LoadAsync(registrationId)) return NotFound();
        Input.Reason = Record.Path?.WaiverReason;
        return Page();
    }

    public async Task<IActionResult> OnPostWaiverAsync(int registrationId)
    {
        if (!await LoadAsync(registrationId)) return NotFound();
        WaiverError = await waiver.RecordAsync(registrationId, Input.Reason, User);
        if (WaiverError is null)
        {
            Message = "Dérogation enregistrée : le stagiaire peut s'inscrire à une évaluation avant la fin de ses heures de formation.";
            return RedirectToPage(new { registrationId });
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(int registrationId)
    {
        if (await records.ForAsync(User, registrationId) is not { } record) return false;
        Record = record;
        WhyNoCertificateYet = documents.WhyNoCertificateYet(record);
        return true;
    }
}
