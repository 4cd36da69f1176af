namespace CqpPortal.Domain.Journey;

/// <summary>
/// The candidate has two years to complete the journey, counted from the admissibility decision.
/// Cahier des charges: « Le candidat a deux ans pour réaliser son parcours. »
/// </summary>
public sealed record JourneyDeadline(DateOnly Start, DateOnly Deadline)
{
    public const int DefaultLimitMonths = 24;

    public static JourneyDeadline From(DateOnly admissibleOn, int limitMonths = DefaultLimitMonths)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitMonths);
        return new JourneyDeadline(admissibleOn, admissibleOn.AddMonths(limitMonths));
    }

    /// <summary>Days left until the deadline, negative once it has passed.</summary>
    public int DaysLeft(DateOnly today) => Deadline.DayNumber - today.DayNumber;

    public bool IsExpired(DateOnly today) => today > Deadline;
}
