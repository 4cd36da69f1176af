using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Audit;

/// <summary>Appends rows to the journal: one INSERT each, nothing read.</summary>
public sealed class AuditLog(CqpDbContext db)
{
    /// <summary>
    /// Writes the row with a plain INSERT on the request's connection; not <c>SaveChanges</c>, which would also save
    /// whatever the page left tracked (a refused form's edits). Throws when the row cannot be written.
    /// </summary>
    public async Task WriteAsync(AuditEntry e, CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "AuditEntries" ("At", "UserId", "UserEmail", "Role", "Kind", "SubjectId", "RegistrationId", "Change", "Method", "Path", "Handler", "StatusCode", "IpAddress", "Detail")
            VALUES ({e.At}, {e.UserId}, {Cut(e.UserEmail, 256)}, {Cut(e.Role, 200)}, {e.Kind}, {e.SubjectId}, {e.RegistrationId}, {e.Change}, {Cut(e.Method, 10)}, {Cut(e.Path, 400)}, {CutOrNull(e.Handler, 60)}, {e.StatusCode}, {CutOrNull(e.IpAddress, 64)}, {CutOrNull(e.Detail, 400)})
            """, cancellationToken);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
    private static string? CutOrNull(string? text, int length) => text is null ? null : Cut(text, length);
}
