using CqpPortal.Web.Audit;
using System.Globalization;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;

namespace CqpPortal.Web.Pages.Formation;

/// <summary>The monthly attendance statement of a trainee (« Relevé mensuel de présence »), month as yyyy-MM.</summary>
[AuditedAccess(AuditKinds.Training, Subject = "registrationId")]
public class MonthlyStatementModel(TrainingDocuments documents) : TrainingDocumentPage
{
    public async Task<IActionResult> OnGetAsync(int registrationId, string month)
    {
        if (month is not { Length: 7 } || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) return NotFound();
        return Answer(await documents.MonthlyStatementAsync(User, registrationId, first), registrationId);
    }
}
