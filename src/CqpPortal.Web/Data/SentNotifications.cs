namespace CqpPortal.Web.Data;

/// <summary>
/// An e-mail a job has sent (or is sending), by a unique key such as "reminder-14:enrolment:12:2026-03-03T08:00Z" or
/// "survey:registration:7:6": the row is inserted before sending and only the process whose insert went in sends,
/// so a job run twice the same day, or on two servers at once, sends each e-mail once.
/// </summary>
public class SentNotification
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
}
