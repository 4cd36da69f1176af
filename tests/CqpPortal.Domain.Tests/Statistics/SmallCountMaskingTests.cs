using CqpPortal.Domain.Statistics;

namespace CqpPortal.Domain.Tests.Statistics;

public class SmallCountMaskingTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(120, false)]
    public void One_to_four_people_are_a_small_count_and_zero_is_not(int count, bool small)
    {
        Assert.Equal(small, SmallCountMasking.IsSmall(count));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(40, false)]
    public void Hours_of_one_to_four_trainees_are_hidden_because_they_describe_them_and_those_of_nobody_or_five_are_shown(int trainees, bool hidden)
    {
        Assert.Equal(hidden, SmallCountMasking.HidesGroupFigures(trainees));
    }

    [Fact]
    public void Cells_of_five_or_more_and_zeros_are_shown_with_their_share()
    {
        var table = SmallCountMasking.Mask([12, 0, 8]);

        Assert.All(table.Cells, c => Assert.False(c.Hidden));
        Assert.Equal(new MaskedCount(20, false), table.Total);
        Assert.Equal(0.6, table.Share(0));
        Assert.Equal(0.0, table.Share(1));
        Assert.Equal(0.4, table.Share(2));
    }

    [Fact]
    public void A_single_small_cell_takes_the_next_smallest_non_zero_cell_with_it_so_it_cannot_be_worked_out_from_the_total()
    {
        var table = SmallCountMasking.Mask([20, 3, 0, 7, 9]);

        Assert.Equal([false, true, false, true, false], table.Cells.Select(c => c.Hidden));
        Assert.False(table.Total.Hidden);
        Assert.Equal(39, table.Total.Count);
        Assert.Null(table.Share(1));
        Assert.Null(table.Share(3));
        Assert.Equal(20 / 39.0, table.Share(0));
        Assert.Equal(0.0, table.Share(2));
    }

    [Fact]
    public void Two_small_cells_are_enough_on_their_own()
    {
        var table = SmallCountMasking.Mask([2, 10, 4, 6]);

        Assert.Equal([true, false, true, false], table.Cells.Select(c => c.Hidden));
    }

    [Fact]
    public void On_ties_the_first_of_the_smallest_cells_is_masked_with_the_small_one()
    {
        var table = SmallCountMasking.Mask([6, 1, 6]);

        Assert.Equal([true, true, false], table.Cells.Select(c => c.Hidden));
    }

    [Fact]
    public void Two_small_cells_adding_up_to_two_are_both_one_so_the_next_smallest_cell_is_masked_with_them()
    {
        var table = SmallCountMasking.Mask([1, 30, 1, 9]);

        Assert.Equal([true, false, true, true], table.Cells.Select(c => c.Hidden));
    }

    [Fact]
    public void Two_small_cells_of_four_are_both_four_so_the_next_smallest_cell_is_masked_with_them()
    {
        var table = SmallCountMasking.Mask([4, 30, 4, 9]);

        Assert.Equal([true, false, true, true], table.Cells.Select(c => c.Hidden));
    }

    [Fact]
    public void A_one_masked_with_a_five_adds_up_to_six_which_gives_both_away_so_a_third_cell_is_masked()
    {
        // « < 5 » is 1 to 4 and « masqué » 5 or more: 6 can only be 1 + 5.
        var table = SmallCountMasking.Mask([20, 1, 5, 9]);

        Assert.Equal([false, true, true, true], table.Cells.Select(c => c.Hidden));
        Assert.False(SmallCountMasking.CanBeWorkedOut([20, 1, 5, 9], [false, true, true, true], 35));
    }

    [Fact]
    public void When_no_cell_is_left_to_mask_the_total_is_masked_too()
    {
        var table = SmallCountMasking.Mask([4, 4, 0]);

        Assert.Equal([true, true, false], table.Cells.Select(c => c.Hidden));
        Assert.True(table.Total.Hidden);
        Assert.Equal(8, table.Total.Count);
    }

    [Theory]
    [InlineData(new[] { 3, 20 }, new[] { true, false }, true)]        // the total minus 20
    [InlineData(new[] { 3, 20 }, new[] { true, true }, false)]        // 23 = 3 + 20 or 4 + 19 …
    [InlineData(new[] { 2, 4, 10 }, new[] { true, true, false }, false)]
    [InlineData(new[] { 1, 1, 10 }, new[] { true, true, false }, true)]
    public void A_masked_cell_can_be_worked_out_when_the_ranges_of_the_others_leave_it_one_value(int[] counts, bool[] hidden, bool known)
    {
        Assert.Equal(known, SmallCountMasking.CanBeWorkedOut(counts, hidden, counts.Sum()));
    }

    [Fact]
    public void A_small_total_is_masked_and_so_is_every_share()
    {
        var table = SmallCountMasking.Mask([3, 0]);

        Assert.True(table.Total.Hidden);
        Assert.True(table.Cells[0].Hidden);
        Assert.False(table.Cells[1].Hidden);
        Assert.Null(table.Share(0));
        Assert.Null(table.Share(1));
    }

    [Fact]
    public void An_empty_table_shows_zeros_without_shares()
    {
        var table = SmallCountMasking.Mask([0, 0, 0]);

        Assert.All(table.Cells, c => Assert.False(c.Hidden));
        Assert.Equal(new MaskedCount(0, false), table.Total);
        Assert.Null(table.Share(0));
    }

    [Theory]
    [InlineData(8, 10, true)]   // 2 not validated could be worked out
    [InlineData(3, 10, true)]   // 3 validated
    [InlineData(3, 4, true)]    // 4 people in all
    [InlineData(0, 0, true)]    // no rate at all
    [InlineData(5, 10, false)]
    [InlineData(10, 10, false)] // all of them: nobody singled out
    [InlineData(0, 7, false)]
    public void A_rate_is_hidden_when_the_part_the_whole_or_the_rest_is_one_to_four_people(int part, int whole, bool hidden)
    {
        Assert.Equal(hidden, SmallCountMasking.HidesRate(part, whole));
    }
}
