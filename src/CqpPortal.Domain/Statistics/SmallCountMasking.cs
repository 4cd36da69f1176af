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
    /// Masks the cells of one table whose total is shown beside them. A single masked cell could be recovered as the
    /// total minus the others, so the next smallest non-zero cell is masked with it (secondary suppression).
    /// </summary>
    public static MaskedTable Mask(IReadOnlyList<int> counts)
    {
        var total = counts.Sum();
        var hidden = counts.Select(IsSmall).ToArray();
        var totalHidden = IsSmall(total);
        if (!totalHidden && hidden.Count(h => h) == 1)
        {
            var next = Enumerable.Range(0, counts.Count).Where(i => !hidden[i] && counts[i] > 0)
                .OrderBy(i => counts[i]).ThenBy(i => i).Cast<int?>().FirstOrDefault();
            if (next is { } i) hidden[i] = true;
        }
        return new MaskedTable(
            counts.Select((count, i) => new MaskedCount(count, hidden[i])).ToList(),
            new MaskedCount(total, totalHidden));
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
