using CqpPortal.Domain.Prerequisites;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Prerequisites;

/// <summary>The prerequisite rules with the thresholds of a certification as stored in the database.</summary>
public sealed class CertificationRules(CqpDbContext db)
{
    /// <summary>The portal's main certification (the first one seeded) unless a code is given.</summary>
    public async Task<PrerequisiteRules?> ForAsync(string? code = null, CancellationToken cancellationToken = default)
    {
        var thresholds = await db.Certifications.AsNoTracking()
            .Where(c => code == null || c.Code == code)
            .OrderBy(c => c.Id)
            .Select(c => c.Prerequisites)
            .FirstOrDefaultAsync(cancellationToken);
        return thresholds is null ? null : new PrerequisiteRules(thresholds);
    }
}
