using CqpPortal.Domain.Privacy;

namespace CqpPortal.Web.Data;

/// <summary>
/// A request to erase a person's data (« Demander l'effacement de mes données »), or an erasure the retention job ran:
/// staff execute or refuse it; the candidate sees its state. The reason the person gave is cleared when it is executed.
/// </summary>
public class ErasureRequest
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    public Candidate? Candidate { get; set; }
    public ErasureSource Source { get; set; }
    public ErasureState State { get; set; } = ErasureState.Pending;
    public DateTimeOffset RequestedAt { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The staff member who executed or refused it; null for the retention job.</summary>
    public string? DecidedByUserId { get; set; }

    /// <summary>What was kept and why, or why it was refused (French, shown to the candidate and staff).</summary>
    public string? Outcome { get; set; }
}
