using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Statistics;

/// <summary>A certification the statistics can be filtered by: its code (the filter's value) and its name, from the data.</summary>
public sealed record StatisticsCertification(int Id, string Code, string Name);

/// <summary>
/// The certification filter shared by the dashboard, the JSON, the annual pack and the command line: figures are given
/// for one certification at a time, by default the portal's own (the first one in the database).
/// </summary>
public sealed class StatisticsCertifications(CqpDbContext db)
{
    public Task<List<StatisticsCertification>> AllAsync(CancellationToken cancellationToken = default) =>
        db.Certifications.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new StatisticsCertification(c.Id, c.Code, c.Kind + " " + c.Title)).ToListAsync(cancellationToken);

    /// <summary>The certification of this code (any case), or the default one when no code is given; null for an unknown code or an empty database.</summary>
    public async Task<StatisticsCertification?> FindAsync(string? code, CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(code)
            ? all.FirstOrDefault()
            : all.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The certification of a report run (its id), or the default one when the run names none.</summary>
    public async Task<StatisticsCertification?> ByIdAsync(int? id, CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(cancellationToken);
        return id is { } i ? all.FirstOrDefault(c => c.Id == i) : all.FirstOrDefault();
    }
}
