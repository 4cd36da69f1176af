namespace CqpPortal.Domain.Statistics;

/// <summary>
/// One column of row-level data meant for sharing. <paramref name="DescribesPerson"/>: a quasi-identifier, something
/// that someone who knows a candidate may know of them (when they registered, their sex, age, region, route); the
/// rows are grouped on these. Otherwise the column is what the rows tell about people (the admissibility decision),
/// kept as it is. <paramref name="Coarser"/>: the quasi-identifier's successively coarser values, from its finest value
/// (month → quarter); after the last, the column is left out. <paramref name="Masked"/>: the finest values whose count
/// the shared tables mask; the rows never tell them apart (<see cref="KAnonymity.MaskedGroup"/>), else counting the
/// rows would give the masked counts back.
/// </summary>
public sealed record AnonymousColumn(string Name, bool DescribesPerson, IReadOnlyList<Func<string, string>> Coarser, IReadOnlySet<string> Masked)
{
    public static AnonymousColumn Person(string name, IReadOnlySet<string> masked, params Func<string, string>[] coarser) => new(name, true, coarser, masked);

    public static AnonymousColumn Told(string name, IReadOnlySet<string> masked) => new(name, false, [], masked);

    /// <summary>The levels a quasi-identifier can take: 0 (finest) to <see cref="Coarser"/>.Count, then one more (left out).</summary>
    public int OmittedLevel => DescribesPerson ? Coarser.Count + 1 : int.MaxValue;
}

/// <summary>A distinct row's finest values and how many rows have them.</summary>
public sealed record CountedRow(IReadOnlyList<string> Values, int Count);

/// <summary>
/// The rows as shared: the columns kept (those left out are gone), each row's values in that order, sorted so that
/// their order tells nothing (not the order of registration), and how many rows were left out.
/// </summary>
public sealed record AnonymousRows(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int LeftOut, IReadOnlyDictionary<string, int> Levels)
{
    public bool IsEmpty => Rows.Count == 0;
}

/// <summary>
/// k-anonymity (k = 5, the threshold of <see cref="SmallCountMasking"/>) of row-level data meant for sharing (the
/// annual pack's « Détail anonyme », issue 16: 82 of its 95 rows were unique on month, sex, age band and region). Every
/// combination of quasi-identifiers shown is shared by at least 5 rows, so no row singles out fewer than 5 people.
/// First generalise (Sweeney's Datafly): while too many rows sit in a group under 5, the quasi-identifier with the
/// most distinct values becomes one step coarser (month → quarter → left out; age band → wider band → left out…).
/// Then the rows still in a group under 5 are left out. Left-out rows are none or at least 5 (rows of the largest group,
/// or whole smallest groups, are left out with them): the shared totals minus the rows shown give the left-out rows' counts, which must not
/// single out 1 to 4 people either. Fewer than 5 rows in all: nothing is shared.
/// </summary>
public static class KAnonymity
{
    public const int K = SmallCountMasking.Threshold;

    /// <summary>What a row shows for a value the tables mask (and the values it is shown together with).</summary>
    public const string MaskedGroup = "Autres (secret statistique)";

    /// <summary>Rows left out rather than blurring the columns further: 5 % of the rows, and at least k.</summary>
    public static int LeftOutAllowed(int rows) => Math.Max(K, rows * 5 / 100);

    /// <param name="columns">The columns, in the order they are shown.</param>
    /// <param name="rows">Each row's finest values, in the columns' order.</param>
    public static AnonymousRows Anonymise(IReadOnlyList<AnonymousColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows) =>
        Anonymise(columns, Count(rows));

    /// <summary>
    /// Identical rows counted as they pass, in the order each first appears: a year of registrations is a few thousand
    /// distinct rows however many registrations it holds, so the rows are never all kept in memory.
    /// </summary>
    public static IReadOnlyList<CountedRow> Count(IEnumerable<IReadOnlyList<string>> rows)
    {
        var counted = new List<CountedRow>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = string.Join("\u0001", row);
            if (index.TryGetValue(key, out var i)) counted[i] = counted[i] with { Count = counted[i].Count + 1 };
            else
            {
                index.Add(key, counted.Count);
                counted.Add(new CountedRow(row.ToArray(), 1));
            }
        }
        return counted;
    }

    /// <param name="columns">The columns, in the order they are shown.</param>
    /// <param name="counted">The distinct rows' finest values, in the columns' order, and how many rows have them (<see cref="Count"/>).</param>
    public static AnonymousRows Anonymise(IReadOnlyList<AnonymousColumn> columns, IReadOnlyList<CountedRow> counted)
    {
        var levels = new int[columns.Count];
        var people = Enumerable.Range(0, columns.Count).Where(c => columns[c].DescribesPerson).ToList();
        var total = counted.Sum(r => r.Count);
        int Size(IEnumerable<int> group) => group.Sum(i => counted[i].Count);
        string?[][] shown;
        while (true)
        {
            shown = counted.Select(r => Show(columns, levels, r.Values)).ToArray();
            var small = Groups(shown, people).Select(Size).Where(size => size < K).Sum();
            if (small <= LeftOutAllowed(total)) break;
            // The quasi-identifier with the most distinct values shown becomes one step coarser (first column on ties).
            var next = people.Where(c => levels[c] < columns[c].OmittedLevel)
                .OrderByDescending(c => shown.Select(r => r[c]).Distinct().Count()).ThenBy(c => c)
                .Cast<int?>().FirstOrDefault();
            if (next is not { } column) break;
            levels[column]++;
        }

        var groups = Groups(shown, people).Select(g => (Rows: g.ToList(), Size: Size(g))).OrderBy(g => g.Size).ToList();
        // How many rows of each distinct row are left out.
        var leftOut = new int[counted.Count];
        var leftOutCount = 0;
        void LeaveOut(List<int> group)
        {
            foreach (var i in group) leftOut[i] = counted[i].Count;
            leftOutCount += Size(group);
        }
        foreach (var group in groups.Where(g => g.Size < K)) LeaveOut(group.Rows);
        // None, or at least k: a left-out count of 1 to 4 would let the totals give those rows back. The largest group
        // gives the rows missing (its last ones) when it keeps 5 or more; otherwise the smallest groups go whole.
        var needed = leftOutCount is 0 ? 0 : K - leftOutCount;
        if (needed > 0 && groups.LastOrDefault(g => g.Size >= K) is { Rows: not null } largest && largest.Size - needed >= K)
            foreach (var i in Enumerable.Reverse(largest.Rows))
            {
                var taken = Math.Min(needed, counted[i].Count);
                leftOut[i] = taken;
                leftOutCount += taken;
                needed -= taken;
                if (needed == 0) break;
            }
        else
            foreach (var group in groups.Where(g => g.Size >= K))
            {
                if (leftOutCount is 0 or >= K) break;
                LeaveOut(group.Rows);
            }

        var kept = Enumerable.Range(0, columns.Count)
            .Where(c => levels[c] < columns[c].OmittedLevel && !(shown.Length > 0 && shown.All(r => r[c] == MaskedGroup)))
            .ToList();
        // Sorted so that their order tells nothing; identical rows share one list.
        var sharedRows = new List<IReadOnlyList<string>>(total - leftOutCount);
        foreach (var (values, times) in Enumerable.Range(0, shown.Length)
                     .Where(i => counted[i].Count > leftOut[i])
                     .Select(i => ((IReadOnlyList<string>)kept.Select(c => shown[i][c]!).ToList(), counted[i].Count - leftOut[i]))
                     .OrderBy(r => string.Join("\u0001", r.Item1), StringComparer.Ordinal))
            for (var n = 0; n < times; n++) sharedRows.Add(values);
        return new AnonymousRows(kept.Select(c => columns[c].Name).ToList(), sharedRows, leftOutCount,
            Enumerable.Range(0, columns.Count).ToDictionary(c => columns[c].Name, c => levels[c]));
    }

    /// <summary>A row's values at the columns' levels; null for a column left out.</summary>
    private static string?[] Show(IReadOnlyList<AnonymousColumn> columns, int[] levels, IReadOnlyList<string> row) =>
        columns.Select((column, c) => Show(column, levels[c], row[c])).ToArray();

    private static string? Show(AnonymousColumn column, int level, string finest)
    {
        if (level >= column.OmittedLevel) return null;
        var value = At(column, level, finest);
        // A masked value, and whatever it is shown together with at this level, is one group.
        return column.Masked.Any(m => At(column, level, m) == value) ? MaskedGroup : value;
    }

    private static string At(AnonymousColumn column, int level, string finest) => level == 0 ? finest : column.Coarser[level - 1](finest);

    /// <summary>Row indices grouped on the quasi-identifiers' shown values.</summary>
    private static IEnumerable<IGrouping<string, int>> Groups(string?[][] shown, IReadOnlyList<int> people) =>
        Enumerable.Range(0, shown.Length).GroupBy(i => string.Join("\u0001", people.Select(c => shown[i][c] ?? "")));
}
