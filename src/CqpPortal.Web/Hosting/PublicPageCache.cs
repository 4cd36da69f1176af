using System.Data.Common;
using System.Runtime.CompilerServices;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CqpPortal.Web.Hosting;

/// <summary>
/// Output caching of the public pages for anonymous visitors (ASP.NET Core's default policy already skips signed-in
/// users, requests other than GET/HEAD, answers other than 200 and answers that set a cookie). Each page is tagged
/// with the data it shows; <see cref="PublicPageCacheEviction"/> evicts a tag whenever that data is saved, whoever
/// saves it (staff pages, a candidate's enrolment, the seeding), so no code path can forget to. Other nodes hear of
/// it through PostgreSQL's NOTIFY on <see cref="Channel"/> (<see cref="PublicPageCacheListener"/>).
/// </summary>
public static class PublicPageCache
{
    public const string Sessions = "sessions";
    public const string Content = "content";
    public const string Documents = "documents";
    public const string Referential = "referential";

    /// <summary>Every cached page carries it: evicting it empties the cache.</summary>
    public const string All = "public";

    /// <summary>The PostgreSQL notification channel; the payload is the changed tags, separated by commas.</summary>
    public const string Channel = "cqp_cache";

    /// <summary>Razor page → the tags of the data it shows. Pages with a POST form are never here (their anti-forgery token is per visitor).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Pages = new Dictionary<string, string[]>
    {
        ["/Index"] = [Sessions],
        ["/Page"] = [Content],
        ["/Calendrier/Index"] = [Sessions],
        ["/Calendrier/Session"] = [Sessions],
        ["/Calendrier/Ics"] = [Sessions],
        ["/Calendrier/Flux"] = [Sessions],
        ["/Referentiel/Index"] = [Referential],
        ["/Partenaires/Index"] = [],
        ["/Documents/Index"] = [Documents],
    };

    /// <summary>Bounds what only time changes (a deadline passing, a session becoming past); data changes evict at once, on every node.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.DefaultExpirationTimeSpan = Expiry;
            foreach (var (page, tags) in Pages)
                options.AddPolicy(PolicyName(page), policy => policy.Tag([.. tags, All]).Expire(Expiry));
        });
        return services;
    }

    public static void Apply(PageConventionCollection conventions)
    {
        foreach (var page in Pages.Keys)
            conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = PolicyName(page) }));
    }

    private static string PolicyName(string page) => "public-page" + page;

    /// <summary>The tags whose pages show entities of this type.</summary>
    public static string? TagOf(object entity) => entity switch
    {
        Session or SessionEnrolment => Sessions,
        ContentRevision => Content,
        LibraryDocument => Documents,
        Certification or CertificationUnit or Activity or Competence => Referential,
        _ => null,
    };
}

/// <summary>
/// Evicts the cached public pages of the data a save changed. Inside a transaction the eviction waits for the commit,
/// so a visitor between the save and the commit cannot put the old page back in the cache. Every save of tagged data
/// also sends `NOTIFY cqp_cache` on its own connection, inside its transaction: PostgreSQL delivers it to the other
/// nodes at the commit, and never after a rollback (web nodes, workers and the command line alike).
/// </summary>
public sealed class PublicPageCacheEviction(IServiceProvider services) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> pending = new();

    private IOutputCacheStore? Store => services.GetService<IOutputCacheStore>(); // absent in the command line and worker

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyOtherNodesAsync(eventData.Context, async: false).GetAwaiter().GetResult();
        if (eventData.Context?.Database.CurrentTransaction is null) EvictAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await NotifyOtherNodesAsync(eventData.Context, async: true);
        if (eventData.Context?.Database.CurrentTransaction is null) await EvictAsync(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => EvictAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await EvictAsync(eventData.Context);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// For bulk updates (ExecuteUpdate/ExecuteDelete) that bypass SaveChanges: call it after their commit; notifies the
    /// other nodes on the context's connection and evicts here.
    /// </summary>
    public async ValueTask EvictAsync(DbContext context, params string[] tags)
    {
        await context.Database.ExecuteSqlAsync($"SELECT pg_notify({PublicPageCache.Channel}, {string.Join(',', tags.Order())})");
        await EvictLocallyAsync(tags);
    }

    private async ValueTask EvictLocallyAsync(IEnumerable<string> tags)
    {
        if (Store is not { } store) return;
        foreach (var tag in tags) await store.EvictByTagAsync(tag, CancellationToken.None);
    }

    /// <summary>
    /// Inside a transaction the notification waits in PostgreSQL for the commit (and is dropped by a rollback); after a
    /// plain SaveChanges it goes at once. A failure after a committed save is logged, not thrown: the other nodes' pages
    /// then expire on their own (<see cref="PublicPageCache.Expiry"/>).
    /// </summary>
    private async Task NotifyOtherNodesAsync(DbContext? context, bool async)
    {
        if (context is null || !pending.TryGetValue(context, out var tags) || tags.Count == 0) return;
        var payload = string.Join(',', tags.Order());
        var inTransaction = context.Database.CurrentTransaction is not null;
        try
        {
            if (async) await context.Database.ExecuteSqlAsync($"SELECT pg_notify({PublicPageCache.Channel}, {payload})");
            else context.Database.ExecuteSql($"SELECT pg_notify({PublicPageCache.Channel}, {payload})");
        }
        catch (Exception e) when (!inTransaction)
        {
            services.GetService<ILogger<PublicPageCacheEviction>>()?.LogWarning(e, "Could not tell the other nodes that {Tags} changed.", payload);
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var tags = pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries())
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && PublicPageCache.TagOf(entry.Entity) is { } tag)
                tags.Add(tag);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) pending.Remove(context);
    }

    private async ValueTask EvictAsync(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var tags)) return;
        pending.Remove(context);
        await EvictLocallyAsync(tags);
    }
}
