namespace CqpPortal.Web.Audit;

/// <summary>
/// A page whose requests by people who read others' files (<see cref="Identity.Roles.ReadingOthersFiles"/>) are written
/// to the journal (<see cref="AuditFilter"/>): its <paramref name="kind"/> (<see cref="AuditKinds"/>), the id of what it
/// shows from the route value, query or form field <see cref="Subject"/>, and the file number from <see cref="Registration"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AuditedAccessAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;

    /// <summary>The route value, query or form field holding the id of what is read or changed.</summary>
    public string Subject { get; init; } = "id";

    /// <summary>The route value, query or form field holding the candidate's registration (file number), when there is one.</summary>
    public string Registration { get; init; } = "registrationId";

    /// <summary>Only these handlers are recorded (comma-separated, « Export »); all of them when null.</summary>
    public string? Handlers { get; init; }

    public bool Records(string? handler) =>
        Handlers is null || (handler is not null && Handlers.Split(',', StringSplitOptions.TrimEntries).Contains(handler, StringComparer.OrdinalIgnoreCase));
}

/// <summary>
/// A page that takes an id but shows nobody's file (a public library PDF, a content page, a session's dates): it is
/// left out of the journal on purpose, and says why. <c>AuditCoverageTests</c> fails for a page with neither mark.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class NotAuditedAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}
