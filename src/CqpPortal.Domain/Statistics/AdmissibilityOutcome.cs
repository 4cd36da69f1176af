using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Statistics;

/// <summary>Where the admissibility decision stands, as the yearly statistics count it.</summary>
public enum AdmissibilityOutcome { Admissible = 1, NotAdmissible = 2, Pending = 3 }

public static class AdmissibilityOutcomes
{
    /// <summary>
    /// A file waiting for the decision or returned as incomplete is still pending; a file whose journey expired was
    /// declared admissible (only admissible journeys have a deadline); a withdrawn file (or a draft) has no outcome
    /// here and counts in the total, and in <see cref="JourneyClosures"/>.
    /// </summary>
    public static AdmissibilityOutcome? Of(RegistrationState state) => state switch
    {
        RegistrationState.Admissible or RegistrationState.Expired => AdmissibilityOutcome.Admissible,
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

/// <summary>How a journey closed before its end: « Abandon » (by the candidate, or recorded by staff), or « Délai dépassé ».</summary>
public enum JourneyClosure { Withdrawn = 1, Expired = 2 }

public static class JourneyClosures
{
    public static JourneyClosure? Of(RegistrationState state) => state switch
    {
        RegistrationState.Withdrawn => JourneyClosure.Withdrawn,
        RegistrationState.Expired => JourneyClosure.Expired,
        _ => null,
    };

    /// <summary>The lines of the statistics: « Abandons », « Délais dépassés ».</summary>
    public static string Label(JourneyClosure closure) => closure == JourneyClosure.Withdrawn ? "Abandons" : "Délais dépassés";
}
