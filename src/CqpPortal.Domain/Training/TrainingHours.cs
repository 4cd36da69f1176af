using System.Globalization;

namespace CqpPortal.Domain.Training;

/// <summary>One unit of the current path: the hours planned, and those done (present hours at its training sessions).</summary>
public sealed record UnitHours(int UnitId, int Number, string Title, decimal Planned, decimal Done)
{
    public decimal Remaining => Math.Max(0, Planned - Done);
    public bool IsDone => Done >= Planned;
}

/// <summary>The hours of a trainee's current path, unit by unit.</summary>
public sealed record PathHours(IReadOnlyList<UnitHours> Units)
{
    public decimal Planned => Units.Sum(u => u.Planned);
    public decimal Done => Units.Sum(u => u.Done);

    /// <summary>Hours still to follow, unit by unit (hours beyond the plan in one unit do not make up for another).</summary>
    public decimal Remaining => Units.Sum(u => u.Remaining);

    /// <summary>The path is done when every unit's hours done reach its planned hours.</summary>
    public bool IsDone => Units.All(u => u.IsDone);

    /// <summary>What the journey timeline writes beside « Formation ».</summary>
    public string TimelineDetail => IsDone ? "terminée" : $"en cours ({TrainingHours.Format(Done)} sur {TrainingHours.Format(Planned)})";
}

/// <summary>A unit planned in the path, with its hours.</summary>
public sealed record PlannedUnit(int UnitId, int Number, string Title, int PlannedHours);

/// <summary>Hours followed (present) at a training session of a unit.</summary>
public sealed record FollowedHours(int UnitId, decimal Hours);

/// <summary>
/// Hours done per unit against the current path's planned hours: the present hours of the trainee's training sessions
/// of that unit. Hours at a session of a unit the path does not plan are not counted towards the path.
/// </summary>
public static class TrainingHours
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static PathHours Of(IEnumerable<PlannedUnit> planned, IEnumerable<FollowedHours> followed)
    {
        var done = followed.GroupBy(f => f.UnitId).ToDictionary(g => g.Key, g => g.Sum(f => f.Hours));
        return new PathHours(planned.OrderBy(u => u.Number)
            .Select(u => new UnitHours(u.UnitId, u.Number, u.Title, u.PlannedHours, done.GetValueOrDefault(u.UnitId)))
            .ToList());
    }

    /// <summary>Hours the French way: « 3,5 h », « 70 h ».</summary>
    public static string Format(decimal hours) => hours.ToString("0.##", French) + " h";
}
