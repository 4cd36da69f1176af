using System.ComponentModel.DataAnnotations;

namespace CqpPortal.Web.Registrations;

/// <summary>
/// Section "Proofs": the limits of the registration proofs (« justificatifs »), checked as the VAE uploads are.
/// A file's limit stays within what the server reads of a request (30 MB at least, see <c>Vae/VaeSettings</c>), so that
/// an oversize file gets our French message and not a bare 413.
/// </summary>
public sealed class ProofSettings
{
    public const string Section = "Proofs";

    [Range(1, 14 * 1024 * 1024, ErrorMessage = "Proofs:MaxFileBytes must be between 1 byte and 14 MB (the request limit the site reads is 30 MB).")]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    [Range(1, long.MaxValue, ErrorMessage = "Proofs:MaxTotalBytes must be positive.")]
    public long MaxTotalBytes { get; set; } = 40 * 1024 * 1024;
}
