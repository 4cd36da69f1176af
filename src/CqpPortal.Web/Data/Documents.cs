namespace CqpPortal.Web.Data;

/// <summary>
/// A document of the candidate's file (decision letter, convocation…), stored in PostgreSQL with the rest of the file:
/// one store, transactional, backed up together.
/// </summary>
public class CandidateDocument
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    public Candidate? Candidate { get; set; }
    public int? RegistrationId { get; set; }
    public required string Title { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
