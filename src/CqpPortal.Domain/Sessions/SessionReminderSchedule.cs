namespace CqpPortal.Domain.Sessions;

/// <summary>Enrolled candidates are reminded 14 days and 2 days before their session (Paris calendar days).</summary>
public static class SessionReminderSchedule
{
    public static readonly IReadOnlyList<int> DaysBefore = [14, 2];

    /// <summary>The reminder due today for a session on <paramref name="sessionDay"/>, if any.</summary>
    public static int? DueToday(DateOnly sessionDay, DateOnly today)
    {
        var days = sessionDay.DayNumber - today.DayNumber;
        return DaysBefore.Contains(days) ? days : null;
    }
}
