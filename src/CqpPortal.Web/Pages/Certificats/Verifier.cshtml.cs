using CqpPortal.Domain.Certificates;
using CqpPortal.Web.Certificates;
using CqpPortal.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CqpPortal.Web.Pages.Certificats;

/// <summary>
/// The public check of a certificate (the QR code of the paper certificate opens it with ?numero=): a known number
/// shows the holder's name, the certification and the date of obtaining, nothing else; anything else the same
/// « not found ». Rate-limited per address; never in the public page cache; not indexed.
/// </summary>
[EnableRateLimiting(PortalRateLimits.CertificateCheck)]
public class VerifyCertificateModel(CertificateVerification verification) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "numero")]
    public string? Number { get; set; }

    public VerifiedCertificate? Found { get; private set; }

    /// <summary>Set when a number was asked for and none matches.</summary>
    public string? Unknown { get; private set; }

    /// <summary>Added to the not-found message when what was typed cannot be a number at all.</summary>
    public string? ExpectedFormat { get; private set; }

    public async Task OnGetAsync()
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        if (string.IsNullOrWhiteSpace(Number)) return;
        Found = await verification.FindAsync(Number);
        if (Found is not null) return;
        Unknown = CertificateVerification.NotFound;
        if (!CertificateNumber.IsWellFormed(Number)) ExpectedFormat = $"Un numéro de certificat s'écrit {CertificateNumber.ExpectedFormat}.";
    }
}
