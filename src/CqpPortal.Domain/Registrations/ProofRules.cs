using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Registrations;

/// <summary>A proof already on a registration file: its kind and the staff request it answers, if any.</summary>
public sealed record ProofOnFile(ProofKind Kind, int? DocumentRequestId);

/// <summary>A document staff asked for when they returned the file as « Incomplet ».</summary>
public sealed record RequestedDocument(int Id, string Label);

/// <summary>
/// The proofs (« justificatifs ») of a registration, whatever the route. Seed 002 (article 6-1) asks for « éléments
/// matériels attestant de l'exercice de l'activité (contrats de travail, bulletin de paye…) » and the 2015 accord's
/// prerequisites are to « justifier … d'une expérience professionnelle »: at least one proof of experience before the
/// file is sent. A diploma is accepted but not required (the experience conditions can be met without one; staff can
/// ask for it by name). Every document staff asked for must be answered before the file is sent again.
/// Files are checked as the VAE uploads are (<see cref="UploadRules"/>), with a total for the whole file.
/// </summary>
public static class ProofRules
{
    public const int MaxRequestLabelLength = 200;
    public const int MaxRequestsAtOnce = 10;

    /// <param name="heldBytes">What the file's proofs already weigh.</param>
    public static UploadDecision CheckUpload(string? fileName, ReadOnlySpan<byte> start, long length, long maxFileBytes, long heldBytes, long maxTotalBytes)
    {
        var decision = UploadRules.Check(fileName, start, length, maxFileBytes, 0, long.MaxValue);
        if (!decision.Accepted) return decision;
        if (heldBytes + length > maxTotalBytes)
            return UploadDecision.Refuse($"Vos justificatifs pèsent déjà {UploadRules.Size(heldBytes)} : avec ce fichier, ils dépasseraient {UploadRules.Size(maxTotalBytes)}. Retirez un justificatif ou réduisez ce fichier.");
        return decision;
    }

    /// <summary>Whether a proof of <paramref name="kind"/> may be added, answering <paramref name="requestId"/>; the refusal in French, or null.</summary>
    public static string? CheckTarget(ProofKind kind, int? requestId, IReadOnlyCollection<RequestedDocument> requests) => kind switch
    {
        ProofKind.Requested when requestId is null || requests.All(r => r.Id != requestId) => "Choisissez le document demandé auquel ce fichier répond.",
        ProofKind.Experience or ProofKind.Diploma when requestId is not null => "Un justificatif d'expérience ou un diplôme ne répond pas à une demande : choisissez le document demandé.",
        ProofKind.Experience or ProofKind.Diploma or ProofKind.Requested => null,
        _ => "Choisissez le type de justificatif.",
    };

    /// <summary>What stops the file from being sent, in French (empty when it can be).</summary>
    public static IReadOnlyList<string> MissingBeforeSubmit(IReadOnlyCollection<ProofOnFile> proofs, IReadOnlyCollection<RequestedDocument> requests)
    {
        var missing = new List<string>();
        if (!proofs.Any(p => p.Kind == ProofKind.Experience))
            missing.Add("Au moins un justificatif d'expérience (certificat de travail, bulletin de salaire, contrat…) (étape « Justificatifs »).");
        foreach (var request in requests.Where(r => !proofs.Any(p => p.DocumentRequestId == r.Id)))
            missing.Add($"Le document demandé par l'organisme : « {request.Label} » (étape « Justificatifs »).");
        return missing;
    }

    /// <summary>
    /// The documents staff name when returning a file as incomplete, typed one per line: blank lines dropped, duplicates
    /// once; a refusal in French when a name is too long or there are too many.
    /// </summary>
    public static (IReadOnlyList<string> Labels, string? Refusal) RequestLabels(string? typed)
    {
        var labels = (typed ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (labels.FirstOrDefault(l => l.Length > MaxRequestLabelLength) is { } tooLong)
            return (labels, $"« {tooLong[..30]}… » est trop long : {MaxRequestLabelLength} caractères au plus par document.");
        if (labels.Count > MaxRequestsAtOnce)
            return (labels, $"Demandez {MaxRequestsAtOnce} documents au plus à la fois.");
        return (labels, null);
    }

    /// <summary>
    /// The admissibility decision's own checks: a refusal is motivated; an incomplete file says what is missing, in
    /// words or as named documents; documents are asked for only with « Incomplet ». Field name and French message.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> CheckDecision(RegistrationState? decision, string? motive, IReadOnlyList<string> requestedLabels)
    {
        var problems = new List<(string, string)>();
        if (decision is not (RegistrationState.Admissible or RegistrationState.NotAdmissible or RegistrationState.Incomplete))
            problems.Add(("Decision", "Choisissez une décision."));
        if (decision == RegistrationState.NotAdmissible && string.IsNullOrWhiteSpace(motive))
            problems.Add(("Motive", "Une décision de non-recevabilité doit être motivée : indiquez le motif."));
        if (decision == RegistrationState.Incomplete && string.IsNullOrWhiteSpace(motive) && requestedLabels.Count == 0)
            problems.Add(("Motive", "Indiquez ce qui manque au dossier, ou nommez les documents demandés."));
        if (decision != RegistrationState.Incomplete && requestedLabels.Count > 0)
            problems.Add(("RequestedDocuments", "Des documents ne se demandent qu'avec la décision « Incomplet »."));
        return problems;
    }

    /// <summary>The motive written in the letter when staff named documents without a sentence of their own.</summary>
    public static string IncompleteMotive(string? motive, IReadOnlyList<string> requestedLabels) =>
        !string.IsNullOrWhiteSpace(motive) ? motive.Trim() : "Documents demandés : " + string.Join(" ; ", requestedLabels) + ".";
}
