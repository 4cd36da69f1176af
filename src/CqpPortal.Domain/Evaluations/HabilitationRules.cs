using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Evaluations;

/// <summary>
/// An evaluator's habilitation for a certification (seed 004, « L'habilitation des évaluateurs »): SIST grants it for a
/// period, renews it, suspends or withdraws it with a reason. A suspended one may be reinstated; a withdrawn one is final.
/// </summary>
public static class HabilitationRules
{
    public static string? WhyNotGrant(DateOnly validFrom, DateOnly validTo) =>
        validFrom > validTo ? "La date de fin de l'habilitation doit être postérieure ou égale à sa date de début." : null;

    public static string? WhyNotRenew(HabilitationState state, DateOnly currentValidTo, DateOnly newValidTo) =>
        state == HabilitationState.Withdrawn ? Final
        : newValidTo <= currentValidTo ? $"La nouvelle date de fin doit être postérieure à la date de fin actuelle ({currentValidTo:dd/MM/yyyy})."
        : null;

    public static string? WhyNotSuspend(HabilitationState state, string? reason) =>
        state == HabilitationState.Withdrawn ? Final
        : state == HabilitationState.Suspended ? "Cette habilitation est déjà suspendue."
        : string.IsNullOrWhiteSpace(reason) ? "Indiquez le motif de la suspension."
        : null;

    public static string? WhyNotReinstate(HabilitationState state) =>
        state == HabilitationState.Withdrawn ? Final
        : state != HabilitationState.Suspended ? "Seule une habilitation suspendue peut être rétablie."
        : null;

    public static string? WhyNotWithdraw(HabilitationState state, string? reason) =>
        state == HabilitationState.Withdrawn ? Final
        : string.IsNullOrWhiteSpace(reason) ? "Indiquez le motif du retrait."
        : null;

    /// <summary>Active, and <paramref name="day"/> within its dates (both included).</summary>
    public static bool IsValidOn(HabilitationState state, DateOnly validFrom, DateOnly validTo, DateOnly day) =>
        state == HabilitationState.Active && validFrom <= day && day <= validTo;

    /// <summary>Null when valid on <paramref name="day"/>; otherwise why not (withdrawn, suspended, expired, not yet valid), with the dates.</summary>
    public static string? WhyNotValidOn(HabilitationState state, DateOnly validFrom, DateOnly validTo, DateOnly day) =>
        state == HabilitationState.Withdrawn ? "a été retirée"
        : state == HabilitationState.Suspended ? "est suspendue"
        : day > validTo ? $"a expiré le {validTo:dd/MM/yyyy}, avant le {day:dd/MM/yyyy}"
        : day < validFrom ? $"ne commence que le {validFrom:dd/MM/yyyy}, après le {day:dd/MM/yyyy}"
        : null;

    private const string Final = "Cette habilitation a été retirée : le retrait est définitif.";
}
