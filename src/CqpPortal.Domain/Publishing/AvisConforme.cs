using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Publishing;

public enum ApprovalDecision { Approve, Refuse }

/// <summary>Who decides on which proposal, and how.</summary>
public sealed record ApprovalRequest(
    ApprovalState Current,
    string ProposedBy,
    string ReviewerName,
    bool ReviewerIsSistAnalyst,
    ApprovalDecision Decision,
    string? RefusalReason);

/// <summary>The outcome: the new state, or the French reason it is refused.</summary>
public sealed record ApprovalOutcome(ApprovalState? NewState, string? Refusal, string? Reason)
{
    public bool Allowed => NewState is not null;
}

/// <summary>
/// The « avis conforme » (cahier des charges, « Communication »: « l'organisme de formation devra adresser à la CPNEFP
/// via le secrétariat du SIST, et cela avant toute diffusion (impression ou mise en ligne), tout outil ou communication
/// pour obtention d'un AVIS CONFORME »): a content page change or a public library PDF is a proposal until a SIST
/// analyst, on behalf of the CPNEFP, approves it or refuses it with a reason. Nobody decides on their own proposal, and
/// a proposal is decided once.
/// </summary>
public static class AvisConforme
{
    public const int ReasonMaxLength = 1000;

    public static ApprovalOutcome Decide(ApprovalRequest r)
    {
        if (!r.ReviewerIsSistAnalyst)
            return No("Seul un analyste du SIST peut donner l'avis conforme, au nom de la CPNEFP.");
        if (r.Current != ApprovalState.Proposed)
            return No(r.Current == ApprovalState.Approved ? "Cette proposition a déjà reçu l'avis conforme." : "Cette proposition a déjà été refusée.");
        if (string.Equals(r.ProposedBy.Trim(), r.ReviewerName.Trim(), StringComparison.OrdinalIgnoreCase))
            return No("Vous avez fait cette proposition : un autre analyste doit donner l'avis.");
        if (r.Decision == ApprovalDecision.Approve) return new ApprovalOutcome(ApprovalState.Approved, null, null);
        var reason = r.RefusalReason?.Trim() ?? "";
        if (reason.Length == 0)
            return No("Indiquez la raison du refus : l'auteur doit savoir quoi corriger.");
        if (reason.Length > ReasonMaxLength)
            return No($"La raison du refus ne peut dépasser {ReasonMaxLength} caractères.");
        return new ApprovalOutcome(ApprovalState.Refused, null, reason);
    }

    /// <summary>What staff read beside a version: « en attente d'avis conforme », « avis conforme », « refusé : raison ».</summary>
    public static string StateText(ApprovalState state, string? refusalReason) => state switch
    {
        ApprovalState.Proposed => "en attente d'avis conforme",
        ApprovalState.Approved => "avis conforme",
        _ => string.IsNullOrWhiteSpace(refusalReason) ? "refusé" : $"refusé : {refusalReason}",
    };

    private static ApprovalOutcome No(string refusal) => new(null, refusal, null);
}
