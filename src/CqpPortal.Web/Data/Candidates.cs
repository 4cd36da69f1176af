using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Data;

/// <summary>A person on the way to a certification. Holds only what the cahier des charges asks to collect.</summary>
public class Candidate : IAudited
{
    public int Id { get; set; }
    public string? UserId { get; set; }
    public PortalUser? User { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public DateOnly BirthDate { get; set; }
    public Sex Sex { get; set; }
    public Region Region { get; set; }
    public int? CompanyId { get; set; }
    public Company? Company { get; set; }
    public List<Registration> Registrations { get; set; } = [];

    /// <summary>When the person was erased (on request or by the retention job): what remains is pseudonymous, or a holder's proof.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>An employer, identified by its SIRET.</summary>
public class Company : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Siret { get; set; }
    public string? City { get; set; }
    public Region Region { get; set; }
    public List<CompanyManager> Managers { get; set; } = [];
    public List<Candidate> Employees { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A user who follows a company's employees; sees them only once approved.</summary>
public class CompanyManager : IAudited
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public PortalUser? User { get; set; }
    public int CompanyId { get; set; }
    public Company? Company { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
