using CqpPortal.Domain.Statistics;

namespace CqpPortal.Domain.Tests.Statistics;

public class TruthfulPieTests
{
    private static PieChartData Pie(params int[] counts)
    {
        var masked = SmallCountMasking.Mask(counts);
        return TruthfulPie.Of(counts.Select((_, i) => ($"Part {i + 1}", masked.Cells[i])).ToList(), masked.Total);
    }

    [Fact]
    public void The_masked_cells_are_drawn_together_as_one_grey_masque_slice_so_the_visible_one_keeps_its_true_share()
    {
        // 23 employed, 3 job seekers, 5 in training: 3 is « < 5 », 5 is masked with it; 23 of 31 is 74,2 %.
        var pie = Pie(23, 3, 5, 0);

        Assert.True(pie.Drawn);
        Assert.Equal([new PieSlice("Part 1", 23, false), new PieSlice("masqué", 8, true)], pie.Slices);
    }

    [Fact]
    public void A_table_without_masked_cells_draws_every_non_zero_part_and_no_masque_slice()
    {
        var pie = Pie(10, 0, 7);

        Assert.Equal([new PieSlice("Part 1", 10, false), new PieSlice("Part 3", 7, false)], pie.Slices);
    }

    [Fact]
    public void No_pie_is_drawn_when_the_total_is_under_five()
    {
        var pie = Pie(1, 2);

        Assert.False(pie.Drawn);
        Assert.Empty(pie.Slices);
        Assert.Equal(TruthfulPie.TooFew, pie.NoChartReason);
    }

    [Fact]
    public void No_pie_is_drawn_when_every_part_is_masked()
    {
        Assert.Equal(TruthfulPie.AllMasked, Pie(3, 4).NoChartReason);
    }

    [Fact]
    public void No_pie_is_drawn_for_nobody_and_the_reader_is_told_there_is_no_data()
    {
        Assert.Equal(TruthfulPie.NoData, Pie(0, 0, 0).NoChartReason);
    }
}
