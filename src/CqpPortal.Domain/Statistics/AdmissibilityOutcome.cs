using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Statistics;

/// <summary>Where the admissibility decision stands, as the yearly statistics count it.</summary>
public enum AdmissibilityOutcome { Admissible = 1, NotAdmissible = 2, Pending = 3 }

public static class AdmissibilityOutcomes
{
    /// <summary>
    /// A file waiting for the decision or returned as incomplete is still pending; a withdrawn file (or a draft) has
    /// no outcome and counts in the total only.
    /// </summary>
    public static AdmissibilityOutcome? Of(RegistrationState state) => state switch
    {
        RegistrationState.Admissible => AdmissibilityOutcome.Admissible,
        RegistrationState.NotAdmissible => AdmissibilityOutcome.NotAdmissible,
        RegistrationState.Submitted or RegistrationState.Incomplete => AdmissibilityOutcome.Pending,
        _ => null,
    };

    public static string Label(AdmissibilityOutcome outcome) => outcome switch
    {
        AdmissibilityOutcome.Admissible => FrenchLabels.Of(RegistrationState.Admissible),
        AdmissibilityOutcome.NotAdmissible => FrenchLabels.Of(RegistrationState.NotAdmissible),
        _ => FrenchLabels.Of(RegistrationState.Submitted),
    };
}
