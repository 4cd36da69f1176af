using CqpPortal.Web.Audit;
using CqpPortal.Web.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Sessions;

/// <summary>Downloads the SIST transmission file of one session (.xlsx in the candidates import template).</summary>
[AuditedAccess(AuditKinds.EvaluationSession)]
public class TransmissionModel(TransmissionFile transmission) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await transmission.ForSessionAsync(id, cancellationToken) is { } file
            ? File(file.Content, RecordFileWriter.XlsxContentType, file.FileName)
            : NotFound();
}
