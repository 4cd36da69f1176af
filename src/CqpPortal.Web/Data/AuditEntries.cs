namespace CqpPortal.Web.Data;

/// <summary>
/// One read or change of a person's file by someone who reads others' files (staff, administrator, evaluators, jury,
/// analysts), or a read-rate alert: who, when, what, from where. Written once by <see cref="Audit.AuditLog"/> and never
/// changed: the database refuses UPDATE, DELETE and TRUNCATE on its table (migration <c>AuditEntries</c>).
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The account's id; kept as text, without a foreign key, so the row outlives the account.</summary>
    public required string UserId { get; set; }

    /// <summary>The account's e-mail at the time (it may change later).</summary>
    public required string UserEmail { get; set; }

    /// <summary>The roles the person had, comma-separated (« Staff », « JuryMember,Evaluator »).</summary>
    public required string Role { get; set; }

    /// <summary>What was read or changed: one of <see cref="Audit.AuditKinds"/> (« livret », « grille », « alerte »…).</summary>
    public required string Kind { get; set; }

    /// <summary>The id of what was read (a booklet, a document, an enrolment…) when the address names one.</summary>
    public int? SubjectId { get; set; }

    /// <summary>The candidate's registration (file number) when the address names it.</summary>
    public int? RegistrationId { get; set; }

    /// <summary>A change (a POST) rather than a read.</summary>
    public bool Change { get; set; }

    public required string Method { get; set; }

    public required string Path { get; set; }

    /// <summary>The page handler (« Export », « Minutes »…), if any.</summary>
    public string? Handler { get; set; }

    public int StatusCode { get; set; }

    /// <summary>The client's address as the forwarded headers give it.</summary>
    public string? IpAddress { get; set; }

    /// <summary>For an alert: what was seen (« 61 lectures en 5 minutes »).</summary>
    public string? Detail { get; set; }
}
