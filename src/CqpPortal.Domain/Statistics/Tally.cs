namespace CqpPortal.Domain.Statistics;

/// <summary>
/// Counts per category, in a fixed order: every expected category first (zero when absent), then any other value
/// met in the data, so the counts always add up to what was counted.
/// </summary>
public sealed class Tally<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, int> counts;

    private Tally(Dictionary<TKey, int> counts, IReadOnlyList<TKey> order)
    {
        this.counts = counts;
        Entries = order.Select(k => (k, counts.GetValueOrDefault(k))).ToList();
    }

    public IReadOnlyList<(TKey Key, int Count)> Entries { get; }

    public int this[TKey key] => counts.GetValueOrDefault(key);

    public int Sum => counts.Values.Sum();

    public static Tally<TKey> Of(IEnumerable<TKey> values, IEnumerable<TKey> expected)
    {
        var counts = new Dictionary<TKey, int>();
        foreach (var value in values) counts[value] = counts.GetValueOrDefault(value) + 1;
        return OfCounts(counts, expected);
    }

    /// <summary>From counts already made (<see cref="Counts{TKey}"/>); the counts are copied.</summary>
    public static Tally<TKey> OfCounts(IReadOnlyDictionary<TKey, int> counted, IEnumerable<TKey> expected)
    {
        var counts = new Dictionary<TKey, int>(counted);
        var order = expected.Distinct().ToList();
        order.AddRange(counts.Keys.Where(k => !order.Contains(k)).Order());
        return new Tally<TKey>(counts, order);
    }
}
