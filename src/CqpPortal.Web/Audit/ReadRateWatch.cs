using System.Collections.Concurrent;
using CqpPortal.Domain.Audit;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Audit;

/// <summary>
/// Each reader's recent reads, in this node's memory (as the sign-in throttle and the rate limits), judged by
/// <see cref="ReadRateAlert"/>. With several web nodes each counts its own requests: a reader spread over N nodes
/// alerts from about N times the threshold.
/// </summary>
public sealed class ReadRateWatch(TimeProvider clock, IOptions<AuditSettings> settings)
{
    private const int SweepAbove = 5_000;
    private readonly ConcurrentDictionary<string, Reader> readers = new();
    private readonly ReadRateAlert rule = settings.Value.Rule;

    public ReadRateAlert Rule => rule;

    private sealed class Reader
    {
        public readonly Queue<DateTimeOffset> Reads = new();
        public DateTimeOffset? LastAlert;
    }

    /// <summary>Counts a read by this user now; returns the reads counted in the window when an alert is due (once per quiet period), else null.</summary>
    public int? Read(string userId)
    {
        var now = clock.GetUtcNow();
        var reader = readers.GetOrAdd(userId, _ => new Reader());
        int? alert = null;
        lock (reader)
        {
            while (reader.Reads.TryPeek(out var oldest) && !rule.StillCounts(oldest, now)) reader.Reads.Dequeue();
            reader.Reads.Enqueue(now);
            if (rule.ShouldAlert(reader.Reads, reader.LastAlert, now))
            {
                reader.LastAlert = now; // decided under the lock: concurrent reads of one person make one alert
                alert = reader.Reads.Count;
            }
        }
        if (readers.Count > SweepAbove) Sweep(now);
        return alert;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, reader) in readers)
            lock (reader)
                if ((reader.Reads.Count == 0 || !rule.StillCounts(reader.Reads.Last(), now)) && (reader.LastAlert is not { } last || now - last >= rule.Quiet))
                    readers.TryRemove(key, out _);
    }
}
