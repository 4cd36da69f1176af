namespace CqpPortal.Domain.Statistics;

/// <summary>
/// Statistical confidentiality of the tables meant for sharing (the annual pack's workbook and PDF): a count of 1 to 4
/// people is shown as "&lt; 5", and any figure that would let a reader work it out again is hidden. Zero stays zero (it
/// describes nobody). A figure summed or taken over a group (training hours, a median) describes its people when they
/// are 1 to 4, so it is hidden then too. The JSON for SIST's machines keeps the exact counts.
/// </summary>
public static class SmallCountMasking
{
    public const int Threshold = 5;
    public const string MaskedText = "< 5";

    /// <summary>What the shared tables show for a figure hidden only so that a small count cannot be worked out.</summary>
    public const string HiddenText = "masqué";

    /// <summary>1 to 4 people.</summary>
    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    /// <summary>
    /// Masks the cells of one table whose total is shown beside them. The masked cells add up to the total minus the
    /// shown ones, and a reader knows each lies between 1 and 4 (« &lt; 5 ») or is 5 or more (« masqué »): while that
    /// is enough to work one of them out (a single masked cell; two « &lt; 5 » adding up to 2 are both 1; a « &lt; 5 »
    /// and a « masqué » adding up to 6 are 1 and 5), the next smallest non-zero cell is masked too (secondary
    /// suppression). When no cell is left to mask, the total is masked as well.
    /// </summary>
    public static MaskedTable Mask(IReadOnlyList<int> counts)
    {
        var total = counts.Sum();
        var hidden = counts.Select(IsSmall).ToArray();
        var totalHidden = IsSmall(total);
        while (!totalHidden && hidden.Any(h => h) && CanBeWorkedOut(counts, hidden, total))
        {
            var next = Enumerable.Range(0, counts.Count).Where(i => !hidden[i] && counts[i] > 0)
                .OrderBy(i => counts[i]).ThenBy(i => i).Cast<int?>().FirstOrDefault();
            if (next is { } i) hidden[i] = true;
            else totalHidden = true;
        }
        return new MaskedTable(
            counts.Select((count, i) => new MaskedCount(count, hidden[i])).ToList(),
            new MaskedCount(total, totalHidden));
    }

    /// <summary>
    /// Whether a reader of the table can work out a masked cell exactly: each masked cell lies in its range (1 to 4, or
    /// 5 to the total) and together they make the total minus the shown cells; a cell is known when the others' ranges
    /// leave it one value.
    /// </summary>
    public static bool CanBeWorkedOut(IReadOnlyList<int> counts, IReadOnlyList<bool> hidden, int total)
    {
        var masked = Enumerable.Range(0, counts.Count).Where(i => hidden[i]).ToList();
        var sum = masked.Sum(i => counts[i]);
        var ranges = masked.Select(i => IsSmall(counts[i]) ? (Low: 1, High: Threshold - 1) : (Low: Threshold, High: total)).ToList();
        var lows = ranges.Sum(r => r.Low);
        var highs = ranges.Sum(r => r.High);
        return ranges.Any(r => Math.Max(r.Low, sum - (highs - r.High)) == Math.Min(r.High, sum - (lows - r.Low)));
    }

    /// <summary>
    /// A rate of <paramref name="part"/> out of <paramref name="whole"/> people (validated units, holders who answered)
    /// is hidden when the part, the whole or the rest is 1 to 4 people: any of them could be worked out from the rate.
    /// </summary>
    public static bool HidesRate(int part, int whole) => whole == 0 || IsSmall(part) || IsSmall(whole) || IsSmall(whole - part);

    /// <summary>
    /// Figures about a group of <paramref name="people"/> (the hours the year's trainees planned and followed, unit by
    /// unit and in total) are hidden when the group is 1 to 4 people: with one trainee they would be that trainee's
    /// hours, with a few nearly so. Shown for nobody (zero hours) and for 5 people or more.
    /// </summary>
    public static bool HidesGroupFigures(int people) => IsSmall(people);
}

/// <summary>A count and whether the shared tables show it as "&lt; 5".</summary>
public readonly record struct MaskedCount(int Count, bool Hidden)
{
    public static MaskedCount Of(int count) => new(count, SmallCountMasking.IsSmall(count));
}

/// <summary>A table's cells after masking, and its total. A share is shown only for a shown cell of a shown total.</summary>
public sealed record MaskedTable(IReadOnlyList<MaskedCount> Cells, MaskedCount Total)
{
    /// <summary>The cell's share of the total, or null when it is hidden (or the total is zero).</summary>
    public double? Share(int index)
    {
        var cell = Cells[index];
        if (cell.Hidden || Total.Hidden || Total.Count == 0) return null;
        return (double)cell.Count / Total.Count;
    }
}
