using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Certificates;

/// <summary>The certification's name and branch, as the data says.</summary>
public sealed record CertificationName(string Name, string Title, string Branch, string? Idcc);

/// <summary>
/// The one place that names the certification when a text has no registration or session to take it from (the
/// layout, public pages, account e-mails, the calendar feed, the annual pack): the portal's certification (the first
/// one in the database), read once and kept a few minutes. Texts about a candidate's file take the name from their
/// own certification instead (<see cref="Certification.Name"/>).
/// </summary>
public sealed class CertificationNames(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Shown when the database has no certification yet (a fresh install before the referential is seeded).</summary>
    public static readonly CertificationName Fallback = new("la certification", "la certification", "", null);

    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);
    private (CertificationName Name, DateTimeOffset ReadAt)? cached;

    public async Task<CertificationName> CurrentAsync()
    {
        if (cached is { } c && clock.GetUtcNow() - c.ReadAt < Keep) return c.Name;
        await using var scope = scopes.CreateAsyncScope();
        return Keep_(await Query(scope).FirstOrDefaultAsync());
    }

    /// <summary>The same, for code that cannot wait (a document made once per process).</summary>
    public CertificationName Current()
    {
        if (cached is { } c && clock.GetUtcNow() - c.ReadAt < Keep) return c.Name;
        using var scope = scopes.CreateScope();
        return Keep_(Query(scope).FirstOrDefault());
    }

    private static IQueryable<CertificationName> Query(IServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<CqpDbContext>().Certifications.AsNoTracking().OrderBy(x => x.Id)
            .Select(x => new CertificationName(x.Kind + " " + x.Title, x.Title, x.Branch, x.Idcc));

    private CertificationName Keep_(CertificationName? name)
    {
        if (name is null) return Fallback;
        cached = (name, clock.GetUtcNow());
        return name;
    }

    /// <summary>The name alone, e.g. for a sentence: « le {name} ».</summary>
    public async Task<string> NameAsync() => (await CurrentAsync()).Name;

    /// <summary>Forgets the cached name (after the referential is edited).</summary>
    public void Forget() => cached = null;
}
