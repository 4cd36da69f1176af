using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Sessions;

public class SessionOfferOrderTests
{
    private static readonly DateTimeOffset Day = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sessions_of_the_candidates_region_come_first_then_its_area_then_the_others_each_by_date()
    {
        var sessions = new[]
        {
            ("Strasbourg", Region.GrandEst, Day),
            ("Nantes", Region.PaysDeLaLoire, Day.AddDays(2)),
            ("Rennes tard", Region.Bretagne, Day.AddDays(30)),
            ("Rennes", Region.Bretagne, Day.AddDays(10)),
            ("Ancienne zone Ouest", Region.Ouest, Day.AddDays(1)),
        };

        var ordered = SessionOfferOrder.Order(sessions, Region.Bretagne, s => s.Item2, s => s.Item3).Select(s => s.Item1);

        Assert.Equal(["Rennes", "Rennes tard", "Ancienne zone Ouest", "Nantes", "Strasbourg"], ordered);
    }

    [Fact]
    public void Without_a_session_in_the_region_the_order_is_by_date() =>
        Assert.Equal([1, 2], SessionOfferOrder.Order(new[] { (2, Region.Corse, Day.AddDays(1)), (1, Region.GrandEst, Day) }, Region.Mayotte, s => s.Item2, s => s.Item3).Select(s => s.Item1));
}
