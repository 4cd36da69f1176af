using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CqpPortal.Web.Pages.Candidat.Inscription;

/// <summary>
/// Step 4, « Justificatifs »: every candidate, whatever the route, sends typed proofs (experience, diplomas) and answers
/// the documents staff asked for; staff scan and upload those of a paper form here too. Checks and rules:
/// <see cref="RegistrationProofs"/>.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class ProofsStepModel(RegistrationWizard wizard, RegistrationProofs proofs, UserManager<PortalUser> users) : RegistrationStepPage(users)
{
    private const string RequestPrefix = "Request-";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>What the file is: <c>Experience</c>, <c>Diploma</c>, or <c>Request-{id}</c> for a document staff asked for.</summary>
    [BindProperty]
    public string? Target { get; set; }

    /// <summary>A confirmation shown on this answer only (upload, removal).</summary>
    public string? Notice { get; private set; }

    public bool Locked { get; private set; }
    public List<RegistrationProofs.ProofInfo> Proofs { get; private set; } = [];
    public List<RegistrationProofs.RequestInfo> Requests { get; private set; } = [];
    public ProofSettings Limits => proofs.Settings;
    private Registration? registration;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } other) return other;
        Target = Requests.FirstOrDefault(r => !r.Answered) is { } open ? RequestPrefix + open.Id : nameof(ProofKind.Experience);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (await LoadAsync() is { } other) return other;
        var (kind, requestId) = ParseTarget();
        if (kind is null) ModelState.AddModelError(nameof(Target), "Choisissez le type de justificatif.");
        if (Upload is null) ModelState.AddModelError(nameof(Upload), "Choisissez un fichier à joindre.");
        if (!ModelState.IsValid) return Page();
        await using var stream = Upload!.OpenReadStream();
        if (await proofs.AddAsync(registration!, kind!.Value, requestId, Upload.FileName, Upload.Length, stream, Users.GetUserId(User)!) is { } refusal)
        {
            ModelState.AddModelError(Locked ? string.Empty : nameof(Upload), refusal);
            return Page();
        }
        await ListAsync();
        Notice = $"Justificatif joint : {Proofs.OrderBy(p => p.Id).Last().FileName}.";
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int proofId)
    {
        if (await LoadAsync() is { } other) return other;
        var gone = Proofs.FirstOrDefault(p => p.Id == proofId);
        if (!await proofs.RemoveAsync(registration!, proofId))
        {
            ModelState.AddModelError(string.Empty, "Ce dossier est envoyé : ses justificatifs ne peuvent plus être modifiés.");
            return Page();
        }
        await ListAsync();
        Notice = gone is null ? null : $"Justificatif retiré : {gone.FileName}.";
        return Page();
    }

    /// <summary>« Continuer »: on to the summary, which says what is still missing.</summary>
    public async Task<IActionResult> OnPostNextAsync() => await LoadAsync() ?? Step("Envoi");

    private (ProofKind? Kind, int? RequestId) ParseTarget() => Target switch
    {
        nameof(ProofKind.Experience) => (ProofKind.Experience, null),
        nameof(ProofKind.Diploma) => (ProofKind.Diploma, null),
        { } t when t.StartsWith(RequestPrefix, StringComparison.Ordinal) && int.TryParse(t[RequestPrefix.Length..], out var id) => (ProofKind.Requested, id),
        _ => (null, null),
    };

    private async Task<IActionResult?> LoadAsync()
    {
        if (Subject is not { } who) return NotFound();
        var (candidate, current) = await wizard.CurrentAsync(who);
        if (candidate is null || current is null) return NoFile(who);
        registration = current;
        Locked = !current.IsEditableByCandidate;
        await ListAsync();
        return null;
    }

    private async Task ListAsync()
    {
        Proofs = await proofs.ListAsync(registration!.Id);
        Requests = await proofs.RequestsAsync(registration.Id);
    }
}
