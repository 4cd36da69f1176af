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

    /// <summary>The rules of the certification a registration targets (each certification has its own thresholds).</summary>
    public async Task<PrerequisiteRules> ForCertificationAsync(int certificationId, CancellationToken cancellationToken = default) =>
        new(await db.Certifications.AsNoTracking().Where(c => c.Id == certificationId).Select(c => c.Prerequisites).FirstAsync(cancellationToken));

    /// <summary>Every certification's rules, by id, for lists of registrations of several certifications.</summary>
    public async Task<Dictionary<int, PrerequisiteRules>> AllAsync(CancellationToken cancellationToken = default) =>
        (await db.Certifications.AsNoTracking().Select(c => new { c.Id, c.Prerequisites }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => new PrerequisiteRules(c.Prerequisites));
}
