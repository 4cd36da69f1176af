using CqpPortal.Domain.Vocabulary;
using static CqpPortal.Domain.Tests.Statistics.Rows;

namespace CqpPortal.Domain.Tests.Statistics;

public class JuryStatisticsTests
{
    [Fact]
    public void Juries_of_a_year_are_the_decisions_taken_from_1_January_to_31_December()
    {
        var stats = Year2025(juries:
        [
            Jury(decidedOn: new(2024, 12, 31)),
            Jury(decidedOn: new(2025, 1, 1), result: JuryResult.PartialValidation),
            Jury(decidedOn: new(2025, 12, 31), result: JuryResult.NotValidated),
            Jury(decidedOn: new(2025, 6, 12)),
            Jury(decidedOn: new(2026, 1, 1)),
        ]);

        Assert.Equal(3, stats.Juries.Total);
        Assert.Equal(1, stats.Juries.Result[JuryResult.TotalValidation]);
        Assert.Equal(1, stats.Juries.Result[JuryResult.PartialValidation]);
        Assert.Equal(1, stats.Juries.Result[JuryResult.NotValidated]);
    }

    [Fact]
    public void An_absence_is_shown_but_is_not_a_decision_of_the_jury()
    {
        var stats = Year2025(juries: [Jury(decidedOn: new(2025, 3, 1)), Jury(decidedOn: new(2025, 3, 1), result: JuryResult.Absent)]);
        Assert.Equal(1, stats.Juries.Total);
        Assert.Equal(1, stats.Juries.Result[JuryResult.Absent]);
        Assert.Equal(1, stats.Juries.Result[JuryResult.TotalValidation]);
    }

    [Fact]
    public void A_unit_validation_rate_is_its_validated_results_out_of_all_its_results_that_year()
    {
        var stats = Year2025(juries:
        [
            Jury(result: JuryResult.TotalValidation, units: [(1, true), (2, true)]),
            Jury(result: JuryResult.PartialValidation, units: [(1, true), (2, false)]),
            Jury(result: JuryResult.NotValidated, units: [(1, false), (2, false)]),
            Jury(result: JuryResult.PartialValidation, units: [(1, true)]),
            Jury(decidedOn: new(2024, 12, 31), result: JuryResult.NotValidated, units: [(1, false), (2, false)]),
        ]);

        var units = stats.Juries.Units;
        Assert.Equal([1, 2], units.Select(u => u.UnitNumber));
        Assert.Equal((4, 3, 0.75), (units[0].Results, units[0].Validated, units[0].Rate));
        Assert.Equal(3, units[1].Results);
        Assert.Equal(1, units[1].Validated);
        Assert.Equal(1.0 / 3, units[1].Rate, 10);
    }

    [Fact]
    public void A_year_without_juries_has_no_unit_rate()
    {
        var stats = Year2025(juries: [Jury(decidedOn: new(2026, 2, 1), units: [(1, true)])]);

        Assert.Equal(0, stats.Juries.Total);
        Assert.Empty(stats.Juries.Units);
    }
}
