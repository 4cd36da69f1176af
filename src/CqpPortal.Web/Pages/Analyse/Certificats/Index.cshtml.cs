using CqpPortal.Web.Audit;
using CqpPortal.Web.Certificates;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Analyse.Certificats;

/// <summary>SIST's holders' register: print each certificate, mark it signed then sent, export the register.</summary>
[AuditedAccess(AuditKinds.Certificate, Handlers = "Pdf,Xlsx,Signed,Sent")]
public class HoldersRegisterModel(HoldersRegister register, PaperCertificates certificates, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<HolderRow> Rows { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Refusal { get; set; }

    public async Task OnGetAsync() => Rows = await register.ListAsync();

    public async Task<IActionResult> OnGetPdfAsync(int id) =>
        await certificates.PdfAsync(id) is { } file ? File(file.Content, "application/pdf", file.FileName) : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync() =>
        File(await register.XlsxAsync(), Imports.RecordFileWriter.XlsxContentType, HoldersRegister.FileName(Domain.Time.DayInParis.Of(clock.GetUtcNow())));

    public async Task<IActionResult> OnPostSignedAsync(int id)
    {
        if (await certificates.MarkSignedAsync(id, users.GetUserId(User)!) is { } refused) Refusal = refused;
        else Message = "Certificat marqué signé : le titulaire le trouve dans ses documents et en est informé par e-mail.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSentAsync(int id)
    {
        if (await certificates.MarkSentAsync(id) is { } refused) Refusal = refused;
        else Message = "Certificat marqué envoyé.";
        return RedirectToPage();
    }
}
