namespace CqpPortal.Domain.Statistics;

public static class Median
{
    /// <summary>The middle value, or the mean of the two middle values for an even count; null when there is none.</summary>
    public static double? Of(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
