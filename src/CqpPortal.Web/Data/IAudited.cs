namespace CqpPortal.Web.Data;

/// <summary>Entities whose creation and last change times are stamped by <see cref="AuditInterceptor"/>.</summary>
public interface IAudited
{
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}
