using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Sessions;

/// <summary>
/// The order in which sessions are offered to a candidate: those of their own region first, then those of the same
/// large area (<see cref="Regions.AreaOf"/>: a neighbouring region, or an older record's area), then the others; by date
/// within each group.
/// </summary>
public static class SessionOfferOrder
{
    public static List<T> Order<T>(IEnumerable<T> sessions, Region candidateRegion, Func<T, Region> regionOf, Func<T, DateTimeOffset> startsAt) =>
        sessions.OrderBy(s => Regions.Distance(candidateRegion, regionOf(s))).ThenBy(startsAt).ToList();

    /// <summary>Whether the session is in the candidate's own region (the page says so beside it).</summary>
    public static bool IsOwnRegion(Region candidateRegion, Region sessionRegion) => candidateRegion == sessionRegion;
}
