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
/// saves it (staff pages, a candidate's enrolment, the seeding), so no code path can forget to.
/// </summary>
public static class PublicPageCache
{
    public const string Sessions = "sessions";
    public const string Content = "content";
    public const string Documents = "documents";
    public const string Referential = "referential";

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

    /// <summary>Bounds what only time changes (a deadline passing, a session becoming past) and what other nodes saved.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.DefaultExpirationTimeSpan = Expiry;
            foreach (var (page, tags) in Pages)
                options.AddPolicy(PolicyName(page), policy => policy.Tag([.. tags, "public"]).Expire(Expiry));
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
/// so a visitor between the save and the commit cannot put the old page back in the cache.
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
        if (eventData.Context?.Database.CurrentTransaction is null) EvictAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
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

    /// <summary>Evicts directly: for bulk updates (ExecuteUpdate/ExecuteDelete) that bypass SaveChanges.</summary>
    public async ValueTask EvictAsync(params string[] tags)
    {
        if (Store is not { } store) return;
        foreach (var tag in tags) await store.EvictByTagAsync(tag, CancellationToken.None);
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
        await EvictAsync([.. tags]);
    }
}
