using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Reports.AnnualPack;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>The annual pack's training indicator, built from figures alone: planned and done hours per unit, masked for a small group.</summary>
public class AnnualPackTrainingTests
{
    private static readonly IReadOnlyList<TrainingUnitRow> Units = [new(1, 1, "Accueil"), new(2, 2, "Appels")];

    /// <summary>The year 2031 with <paramref name="trainees"/> trainees, each planning 10 h of unit 1 and present 3.5 h at a unit-1 morning.</summary>
    private static AnnualPackContent PackWith(int trainees)
    {
        var enrolments = Enumerable.Range(1, trainees)
            .Select(t => new TrainingEnrolmentRow(t, CertificationRoute.Training, new DateOnly(2031, 3, 4), 1, false, false, [new(HalfDay.Morning, Attendance.Present, 3.5m)]))
            .ToList();
        var planned = Enumerable.Range(1, trainees).Select(t => new PlannedHoursRow(t, 1, 10)).ToList();
        return AnnualPackContent.From(AnnualStatistics.Compute(2031, [], [], [], new TrainingRows(Units, enrolments, planned)));
    }

    private static PackTable Training(AnnualPackContent pack) => pack.Tables.Single(t => t.SheetName == "Formation");

    private static List<string[]> Texts(PackTable table) => table.Rows.Select(r => (string[])[r.Label, .. r.Values.Select(v => v.Text)]).ToList();

    [Fact]
    public void Five_trainees_show_their_hours_planned_and_done_per_unit_and_in_total()
    {
        var pack = PackWith(5);
        var table = Training(pack);

        Assert.Equal(["Unité", "Heures prévues", "Heures réalisées"], table.Headers);
        Assert.Equal([["Unité 1 – Accueil", "50", "17,5"], ["Unité 2 – Appels", "0", "0"], ["Total", "50", "17,5"]], Texts(table));
        Assert.StartsWith("Stagiaires de l'année : 5 ", table.Note);
        Assert.Equal((0, 1), (table.ChartValue, table.SecondChartValue));
        Assert.Equal(["5", "17,5"], pack.Summary.Where(r => r.Label is "Stagiaires en formation" or "Heures de formation réalisées").Select(r => r.Values[0].Text));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void One_to_four_trainees_are_shown_as_fewer_than_five_and_every_hour_is_masked(int trainees)
    {
        var pack = PackWith(trainees);
        var table = Training(pack);

        Assert.Equal([["Unité 1 – Accueil", "masqué", "masqué"], ["Unité 2 – Appels", "masqué", "masqué"], ["Total", "masqué", "masqué"]], Texts(table));
        Assert.All(table.Rows.SelectMany(r => r.Values), v => Assert.Null(v.Shown));
        Assert.StartsWith("Stagiaires de l'année : < 5 ", table.Note);
        Assert.Equal(["< 5", "masqué"], pack.Summary.Where(r => r.Label is "Stagiaires en formation" or "Heures de formation réalisées").Select(r => r.Values[0].Text));
    }

    [Fact]
    public void A_year_without_trainees_shows_zero_hours()
    {
        var table = Training(PackWith(0));

        Assert.Equal([["Unité 1 – Accueil", "0", "0"], ["Unité 2 – Appels", "0", "0"], ["Total", "0", "0"]], Texts(table));
    }

    [Fact]
    public void The_chart_draws_planned_and_done_hours_side_by_side_and_no_bar_for_masked_hours()
    {
        var shown = AnnualPackCharts.For(Training(PackWith(5)), withTitle: false);
        var masked = AnnualPackCharts.For(Training(PackWith(2)), withTitle: false);

        Assert.Equal(["Unité 1 – Accueil\u00a0: heures prévues", "Unité 1 – Accueil\u00a0: heures réalisées", "Unité 2 – Appels\u00a0: heures prévues", "Unité 2 – Appels\u00a0: heures réalisées"],
            shown.Bars.Select(b => b.Label));
        Assert.Equal([50, 17.5, 0, 0], shown.Bars.Select(b => b.Value));
        Assert.Equal([0, 1, 0, 1], shown.Bars.Select(b => b.Colour));
        Assert.Equal("17,5\u00a0h", shown.Bars[1].Text);
        Assert.All(masked.Bars, b => Assert.Equal((null, "masqué"), (b.Value, b.Text)));
    }
}
