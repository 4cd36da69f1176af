using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Registrations;

/// <summary>
/// The proofs of a registration file (« justificatifs ») and the documents staff ask for: adding one (checked by
/// <see cref="ProofRules"/>), removing one while the file is editable, and what is still missing before it is sent.
/// Who may read a proof is <see cref="ProofAccess"/>.
/// </summary>
public sealed class RegistrationProofs(CqpDbContext db, IOptions<ProofSettings> settings, TimeProvider clock)
{
    public sealed record ProofInfo(int Id, ProofKind Kind, string FileName, long Length, DateTimeOffset UploadedAt, int? DocumentRequestId, string? RequestLabel, bool ByStaff);
    public sealed record RequestInfo(int Id, string Label, DateTimeOffset RequestedAt, bool Answered);

    public ProofSettings Settings => settings.Value;

    public Task<List<ProofInfo>> ListAsync(int registrationId) =>
        db.RegistrationProofs.Where(p => p.RegistrationId == registrationId).OrderBy(p => p.Kind).ThenBy(p => p.Id)
            .Select(p => new ProofInfo(p.Id, p.Kind, p.FileName, p.Length, p.UploadedAt, p.DocumentRequestId,
                p.DocumentRequest != null ? p.DocumentRequest.Label : null,
                p.UploadedByUserId != null && !db.Registrations.Any(r => r.Id == p.RegistrationId && r.Candidate!.UserId == p.UploadedByUserId)))
            .ToListAsync();

    public Task<List<RequestInfo>> RequestsAsync(int registrationId) =>
        db.DocumentRequests.Where(d => d.RegistrationId == registrationId).OrderBy(d => d.Id)
            .Select(d => new RequestInfo(d.Id, d.Label, d.RequestedAt, d.Proofs.Any())).ToListAsync();

    public async Task<IReadOnlyList<string>> MissingBeforeSubmitAsync(int registrationId)
    {
        var proofs = await db.RegistrationProofs.Where(p => p.RegistrationId == registrationId)
            .Select(p => new ProofOnFile(p.Kind, p.DocumentRequestId)).ToListAsync();
        return ProofRules.MissingBeforeSubmit(proofs, await OpenRequestsAsync(registrationId));
    }

    /// <summary>
    /// Checks a file by its content and the limits, then stores it with the registration. Returns the refusal in
    /// French, or null. <paramref name="requestId"/> names the staff request a <see cref="ProofKind.Requested"/> proof answers.
    /// </summary>
    public async Task<string?> AddAsync(Registration registration, ProofKind kind, int? requestId, string? fileName, long length, Stream content, string byUserId)
    {
        if (!registration.IsEditableByCandidate) return "Ce dossier est envoyé : ses justificatifs ne peuvent plus être modifiés.";
        if (ProofRules.CheckTarget(kind, requestId, await OpenRequestsAsync(registration.Id)) is { } wrongTarget) return wrongTarget;
        var start = new byte[8];
        var read = length > 0 ? await content.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false) : 0;
        var held = await db.RegistrationProofs.Where(p => p.RegistrationId == registration.Id).SumAsync(p => (long?)p.Length) ?? 0;
        var decision = ProofRules.CheckUpload(fileName, start.AsSpan(0, read), length, Settings.MaxFileBytes, held, Settings.MaxTotalBytes);
        if (!decision.Accepted) return decision.Refusal;
        using var buffer = new MemoryStream((int)length);
        buffer.Write(start, 0, read);
        await content.CopyToAsync(buffer);
        db.RegistrationProofs.Add(new RegistrationProof
        {
            RegistrationId = registration.Id, Kind = kind, DocumentRequestId = kind == ProofKind.Requested ? requestId : null,
            FileName = decision.SafeName, ContentType = decision.ContentType, Length = buffer.Length, Content = buffer.ToArray(),
            UploadedAt = clock.GetUtcNow().ToUniversalTime(), UploadedByUserId = byUserId,
        });
        await db.SaveChangesAsync();
        return null;
    }

    /// <summary>Removes one proof of this registration while it is editable (another file's id changes nothing); false when locked.</summary>
    public async Task<bool> RemoveAsync(Registration registration, int proofId)
    {
        if (!registration.IsEditableByCandidate) return false;
        await db.RegistrationProofs.Where(p => p.Id == proofId && p.RegistrationId == registration.Id).ExecuteDeleteAsync();
        return true;
    }

    /// <summary>Records the documents staff ask for with an « Incomplet » decision (saved with it).</summary>
    public void Request(Registration registration, IEnumerable<string> labels, string staffUserId)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        foreach (var label in labels)
            registration.DocumentRequests.Add(new DocumentRequest { Label = label, RequestedAt = now, RequestedByUserId = staffUserId });
    }

    private async Task<List<RequestedDocument>> OpenRequestsAsync(int registrationId) =>
        await db.DocumentRequests.Where(d => d.RegistrationId == registrationId).Select(d => new RequestedDocument(d.Id, d.Label)).ToListAsync();
}
