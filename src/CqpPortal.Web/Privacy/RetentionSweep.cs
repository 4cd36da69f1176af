using CqpPortal.Domain.Privacy;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Privacy;

/// <summary>One person the retention periods erase, and why.</summary>
public sealed record RetentionItem(int CandidateId, DateOnly DueOn, string Reason);

/// <summary>Survey answers past their period that still name a company or hold answer links.</summary>
public sealed record RetentionReport(IReadOnlyList<RetentionItem> People, IReadOnlyList<int> SurveyIds);

/// <summary>
/// The daily application of the privacy notice's periods (<see cref="RetentionRules"/>), through the same erasure as
/// a request. <see cref="ListAsync"/> is the dry run: it changes nothing. <see cref="RunAsync"/> erases exactly what it
/// lists (each person checked again in their own transaction) and records each erasure in « Effacements ».
/// </summary>
public sealed class RetentionSweep(CqpDbContext db, Erasures erasures, RetentionSettings settings, TimeProvider clock)
{
    public const string Outcome = "Effacé par la tâche de conservation : ";

    public async Task<RetentionReport> ListAsync(CancellationToken cancellationToken = default)
    {
        var periods = settings.Periods;
        periods.EnsureValid();
        var today = DayInParis.Today(clock);
        var people = (await erasures.FactsAsync(null, cancellationToken))
            .Select(p => (Id: p.Key, Verdict: RetentionRules.For(p.Value, today, periods)))
            .Where(p => p.Verdict.Due)
            .Select(p => new RetentionItem(p.Id, p.Verdict.DueOn!.Value, p.Verdict.Reason))
            .OrderBy(p => p.DueOn).ThenBy(p => p.CandidateId).ToList();
        // The answers' last survey (24 months) due more than the period ago: only the coded answers may remain.
        var lastDue = today.AddYears(-periods.SurveyAnswersYearsAfterLastSurvey);
        var surveys = await db.HolderSurveys.AsNoTracking()
            .Where(s => s.Registration!.Surveys.Any(o => o.Wave == SurveyWave.TwentyFourMonths && o.DueOn <= lastDue) && (s.Company != null || s.Links.Any()))
            .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        return new(people, surveys);
    }

    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var report = await ListAsync(cancellationToken);
        var erased = new List<RetentionItem>();
        foreach (var item in report.People)
        {
            var plan = await erasures.EraseAsync(item.CandidateId, plan =>
            {
                if (!plan.Allowed) return;
                db.ErasureRequests.Add(new ErasureRequest
                {
                    CandidateId = item.CandidateId, Source = ErasureSource.Retention, State = ErasureState.Done,
                    RequestedAt = clock.GetUtcNow(), DecidedAt = clock.GetUtcNow(), Outcome = Outcome + item.Reason + " " + ErasureRequests.Outcome(plan),
                });
            }, cancellationToken);
            if (plan?.Allowed == true) erased.Add(item);
        }
        var surveys = report.SurveyIds.ToList();
        await db.HolderSurveyLinks.Where(l => surveys.Contains(l.SurveyId)).ExecuteDeleteAsync(cancellationToken);
        await db.HolderSurveys.Where(s => surveys.Contains(s.Id)).ExecuteUpdateAsync(set => set.SetProperty(s => s.Company, (string?)null), cancellationToken);
        return new(erased, surveys);
    }
}
