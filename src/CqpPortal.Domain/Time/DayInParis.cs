namespace CqpPortal.Domain.Time;

/// <summary>
/// The one way an instant becomes a day. The organisation works in France: a jury at 00:30 on 16 March in Paris is
/// on 16 March, although it is still 15 March in UTC. Every deadline, schedule and "today" goes through here.
/// </summary>
public static class DayInParis
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The same instant, with the offset Paris had then (summer or winter time).</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The Paris calendar day of an instant.</summary>
    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>Today in Paris, read from the clock the caller was given (a fake one in tests).</summary>
    public static DateOnly Today(TimeProvider clock) => Of(clock.GetUtcNow());

    /// <summary>The instant a Paris day starts (midnight local time), for queries over instants.</summary>
    public static DateTimeOffset Start(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary>The instant of a Paris wall-clock time (a time skipped by the spring change moves an hour later).</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
