using CqpPortal.Web.Identity;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Formation;

/// <summary>
/// A trainee's PDF for whoever may read the record (<see cref="TrainingAccess"/>): the file as an attachment; « not yet »
/// as a short French page (409) with a way back; refused as an unknown id (404).
/// </summary>
public abstract class TrainingDocumentPage : PageModel
{
    public string? Refusal { get; private set; }

    /// <summary>Where the reader came from: their own page of the trainee's hours.</summary>
    public string BackLink { get; private set; } = "/";

    protected IActionResult Answer(TrainingPdfAnswer? answer, int registrationId)
    {
        if (answer is null) return NotFound();
        if (answer.Pdf is { } pdf) return File(pdf.Content, "application/pdf", pdf.FileName);
        Refusal = answer.Refusal;
        BackLink = Roles.IsStaff(User) ? $"/Staff/Formation/Heures/{registrationId}"
            : User.IsInRole(Roles.CompanyManager) ? $"/Entreprise/Salarie/Formation/{registrationId}"
            : "/Candidat/Formation/Heures";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
