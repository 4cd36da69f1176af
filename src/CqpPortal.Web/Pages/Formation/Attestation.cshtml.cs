using CqpPortal.Web.Audit;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;

namespace CqpPortal.Web.Pages.Formation;

/// <summary>The end-of-training certificate (« Attestation de fin de formation »), or why it is not given yet.</summary>
[AuditedAccess(AuditKinds.Training, Subject = "registrationId")]
public class CertificateModel(TrainingDocuments documents) : TrainingDocumentPage
{
    public async Task<IActionResult> OnGetAsync(int registrationId) =>
        Answer(await documents.CertificateAsync(User, registrationId), registrationId);
}
