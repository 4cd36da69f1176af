using CqpPortal.Domain.Statistics;

namespace CqpPortal.Domain.Tests.Statistics;

public class KAnonymityTests
{
    private static readonly HashSet<string> None = [];

    // Month → quarter → left out; region → mainland or overseas → left out; the decision is told, never blurred.
    private static AnonymousColumn Month(IReadOnlySet<string>? masked = null) =>
        AnonymousColumn.Person("Mois", masked ?? None, m => $"T{(int.Parse(m) + 2) / 3}");

    private static AnonymousColumn Region(IReadOnlySet<string>? masked = null) =>
        AnonymousColumn.Person("Région", masked ?? None, r => r == "Outre-mer" ? "Outre-mer" : "Métropole");

    private static AnonymousColumn Decision(IReadOnlySet<string>? masked = null) => AnonymousColumn.Told("Décision", masked ?? None);

    private static List<IReadOnlyList<string>> Rows(params (string Month, string Region, string Decision, int Times)[] groups) =>
        groups.SelectMany(g => Enumerable.Repeat((IReadOnlyList<string>)[g.Month, g.Region, g.Decision], g.Times)).ToList();

    [Fact]
    public void Rows_whose_combination_is_shared_by_five_or_more_are_shown_as_they_are()
    {
        var result = KAnonymity.Anonymise([Month(), Region(), Decision()], Rows(("1", "Nord", "Recevable", 5), ("2", "Sud", "Irrecevable", 6)));

        Assert.Equal(["Mois", "Région", "Décision"], result.Columns);
        Assert.Equal(11, result.Rows.Count);
        Assert.Equal(0, result.LeftOut);
        Assert.Equal(5, result.Rows.Count(r => r.SequenceEqual(["1", "Nord", "Recevable"])));
    }

    [Fact]
    public void Rare_combinations_make_the_column_with_the_most_distinct_values_coarser_first()
    {
        // Six months, two regions: the months become quarters, and each quarter then holds 6 rows of one region.
        var rows = Rows(("1", "Nord", "Recevable", 2), ("2", "Nord", "Recevable", 2), ("3", "Nord", "Recevable", 2),
            ("4", "Sud", "Recevable", 2), ("5", "Sud", "Recevable", 2), ("6", "Sud", "Recevable", 2));

        var result = KAnonymity.Anonymise([Month(), Region(), Decision()], rows);

        Assert.Equal(1, result.Levels["Mois"]);
        Assert.Equal(0, result.Levels["Région"]);
        Assert.Equal(6, result.Rows.Count(r => r[0] == "T1" && r[1] == "Nord"));
        Assert.Equal(6, result.Rows.Count(r => r[0] == "T2" && r[1] == "Sud"));
    }

    [Fact]
    public void Every_combination_shown_is_shared_by_at_least_five_rows()
    {
        var random = new Random(16);
        var regions = new[] { "Nord", "Ouest", "Est", "Sud", "Île-de-France", "Outre-mer" };
        var rows = Enumerable.Range(0, 95)
            .Select(_ => (IReadOnlyList<string>)[random.Next(1, 13).ToString(), regions[random.Next(regions.Length)], "Recevable"]).ToList();

        var result = KAnonymity.Anonymise([Month(), Region(), Decision()], rows);

        Assert.All(result.Rows.GroupBy(r => string.Join("|", r.Take(result.Columns.Count - 1))), g => Assert.True(g.Count() >= KAnonymity.K));
        Assert.Equal(95, result.Rows.Count + result.LeftOut);
    }

    [Fact]
    public void A_row_still_alone_after_blurring_within_what_may_be_left_out_is_left_out()
    {
        var rows = Rows(("1", "Nord", "Recevable", 60), ("1", "Sud", "Recevable", 40), ("1", "Outre-mer", "Recevable", 1));

        var result = KAnonymity.Anonymise([Month(), Region(), Decision()], rows);

        // One overseas row is within the 5 rows that may be left out: the regions stay, and it goes with 4 more rows
        // of the largest group, so the totals minus the rows shown do not give one person away.
        Assert.Equal(0, result.Levels["Région"]);
        Assert.DoesNotContain(result.Rows, r => r[1] == "Outre-mer");
        Assert.Equal(5, result.LeftOut);
        Assert.Equal(56, result.Rows.Count(r => r[1] == "Nord"));
        Assert.Equal(40, result.Rows.Count(r => r[1] == "Sud"));
    }

    [Fact]
    public void Rows_left_out_are_none_or_at_least_five_so_that_the_totals_cannot_give_them_back()
    {
        var rows = Rows(("1", "Nord", "Recevable", 7), ("1", "Sud", "Recevable", 6), ("1", "Est", "Recevable", 1));

        var result = KAnonymity.Anonymise([Region(), Decision()], rows);

        Assert.True(result.LeftOut is 0 or >= KAnonymity.K, $"{result.LeftOut} rows left out");
        Assert.Equal(14, result.Rows.Count + result.LeftOut);
    }

    [Fact]
    public void Values_the_tables_mask_are_never_told_apart_in_the_rows_nor_from_the_values_shown_with_them()
    {
        // The tables show « < 5 » irrecevables and « masqué » sans décision: the rows show both as one group.
        var rows = Rows(("1", "Nord", "Recevable", 20), ("1", "Nord", "Irrecevable", 3), ("1", "Nord", "Sans décision", 6));

        var result = KAnonymity.Anonymise([Month(), Region(), Decision(new HashSet<string> { "Irrecevable", "Sans décision" })], rows);

        Assert.Equal(9, result.Rows.Count(r => r[2] == KAnonymity.MaskedGroup));
        Assert.DoesNotContain(result.Rows, r => r[2] is "Irrecevable" or "Sans décision");
    }

    [Fact]
    public void A_masked_value_merged_into_a_coarser_one_takes_the_whole_coarser_value_into_the_masked_group()
    {
        var rows = Rows(("1", "Nord", "Recevable", 10), ("2", "Nord", "Recevable", 10), ("4", "Nord", "Recevable", 3), ("5", "Nord", "Recevable", 3));

        var result = KAnonymity.Anonymise([Month(new HashSet<string> { "4" }), Region(), Decision()], rows);

        // Months 4 and 5 are the second quarter: it is the masked group, else it minus month 5 would be month 4.
        Assert.Equal(1, result.Levels["Mois"]);
        Assert.Equal(6, result.Rows.Count(r => r[0] == KAnonymity.MaskedGroup));
        Assert.Equal(20, result.Rows.Count(r => r[0] == "T1"));
    }

    [Fact]
    public void A_column_blurred_to_nothing_is_left_out_of_the_rows()
    {
        // Six people, each alone in their quarter and region: only the decisions can be shown, the six together.
        var rows = Rows(("1", "Nord", "Recevable", 1), ("4", "Outre-mer", "Recevable", 1), ("7", "Sud", "Recevable", 1), ("10", "Outre-mer", "Recevable", 1),
            ("2", "Est", "Recevable", 1), ("5", "Ouest", "Recevable", 1));

        var result = KAnonymity.Anonymise([Month(), Region(), Decision()], rows);

        Assert.Equal(["Décision"], result.Columns);
        Assert.Equal(6, result.Rows.Count);
    }

    [Fact]
    public void Fewer_than_five_rows_in_all_leave_nothing_to_share()
    {
        var result = KAnonymity.Anonymise([Month(), Region(), Decision()], Rows(("1", "Nord", "Recevable", 4)));

        Assert.True(result.IsEmpty);
        Assert.Equal(4, result.LeftOut);
    }

    [Fact]
    public void The_rows_come_out_sorted_by_their_values_so_their_order_does_not_tell_the_order_of_registration()
    {
        var rows = Rows(("2", "Sud", "Recevable", 5), ("1", "Nord", "Recevable", 5), ("2", "Nord", "Recevable", 5));

        var result = KAnonymity.Anonymise([Month(), Region(), Decision()], rows);

        Assert.Equal(result.Rows.OrderBy(r => r[0]).ThenBy(r => r[1], StringComparer.Ordinal).Select(r => string.Join("|", r)), result.Rows.Select(r => string.Join("|", r)));
    }

    [Fact]
    public void Identical_rows_are_counted_as_they_pass_one_entry_each_in_the_order_they_first_appear()
    {
        var counted = KAnonymity.Count(Rows(("1", "Nord", "Recevable", 3), ("2", "Sud", "Irrecevable", 2), ("1", "Nord", "Recevable", 4)));

        Assert.Equal([("1|Nord|Recevable", 7), ("2|Sud|Irrecevable", 2)], counted.Select(r => (string.Join("|", r.Values), r.Count)));
    }

    [Fact]
    public void A_hundred_thousand_identical_rows_come_out_as_one_shared_list_so_the_rows_cost_no_memory_of_their_own()
    {
        var counted = new List<CountedRow> { new(["1", "Nord", "Recevable"], 100_000), new(["2", "Sud", "Irrecevable"], 5) };

        var result = KAnonymity.Anonymise([Month(), Region(), Decision()], counted);

        Assert.Equal(100_005, result.Rows.Count);
        Assert.Equal(0, result.LeftOut);
        Assert.Equal(2, result.Rows.Distinct(ReferenceEqualityComparer.Instance).Count());
    }
}
