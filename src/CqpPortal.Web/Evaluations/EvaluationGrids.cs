using System.Security.Claims;
using CqpPortal.Domain.Evaluations;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Evaluations;

/// <summary>
/// A candidate's evaluation grid at a session, where the evaluators act: opened (created with the competences of the
/// units still to evaluate) on the session's day for a candidate marked present, marked by the evaluator, confirmed or
/// contested by the co-evaluator, signed by both, then corrected only by a new signed version. Every action checks the
/// caller's part at the session (<see cref="EvaluationAccess"/>) and the rules of <see cref="EvaluationGridRules"/>.
/// </summary>
public sealed class EvaluationGrids(CqpDbContext db, EvaluationAccess access, TimeProvider clock)
{
    public sealed record CompetenceRow(int Id, string Code, string Title, List<string> Modalities, List<string> Criteria);
    public sealed record UnitRow(int Id, int Number, string Title, List<CompetenceRow> Competences);
    public sealed record Signature(string Name, DateTimeOffset At);
    public sealed record EvaluatorRow(string Name, EvaluatorRole Role, bool Remote);
    public sealed record VersionRow(int Version, string? CorrectionReason, bool Locked, DateTimeOffset? SupersededAt);

    /// <summary>What the grid page shows; <see cref="Grid"/> is the current (latest) version, its entries loaded.</summary>
    public sealed record GridView(int EnrolmentId, int RegistrationId, string CandidateName, string CertificationName, Session Session,
        EvaluatorRole? Role, List<EvaluatorRow> Evaluators, EvaluationGrid Grid, List<UnitRow> Units,
        Signature? EvaluatorSignature, Signature? CoEvaluatorSignature, List<VersionRow> Versions)
    {
        public EvaluationGridEntry Entry(int competenceId) => Grid.Entries.Single(e => e.CompetenceId == competenceId);

        public UnitOutcome Result(UnitRow unit) =>
            EvaluationGridRules.UnitResult(Grid.IsLocked, unit.Competences.Select(c => Entry(c.Id).Acquired));
    }

    /// <summary>The grid, or why it does not open; both null when the enrolment does not exist or is not the caller's.</summary>
    public sealed record Opening(GridView? View, string? Refusal);

    /// <summary>What was posted for one competence: null leaves a field as it was (a partial form, an automatic save).</summary>
    public sealed record EntryInput(bool? Acquired, string? Observation, bool? Agrees, string? CoObservation);

    /// <summary>The outcome of an action: done, refused with the reason in French, or not found (404).</summary>
    public sealed record Outcome(bool Found, string? Refusal)
    {
        public static readonly Outcome Done = new(true, null);
        public static readonly Outcome NotFound = new(false, null);
        public static Outcome Refused(string reason) => new(true, reason);
    }

    public async Task<Opening> OpenAsync(int enrolmentId, ClaimsPrincipal user)
    {
        var found = await CurrentAsync(enrolmentId, user);
        if (found is null) return new Opening(null, null);
        var (enrolment, role, grid, refusal) = found.Value;
        if (grid is null) return new Opening(null, refusal);
        return new Opening(await ViewAsync(enrolment, role, grid), null);
    }

    /// <summary>
    /// Saves what one evaluator posted: the evaluator's marks and observations, or the co-evaluator's responses. All or
    /// nothing: one refused entry (« non acquise » without an observation, a competence outside the grid, a field that
    /// belongs to the other evaluator, a locked grid) saves none.
    /// </summary>
    public async Task<Outcome> SaveAsync(int enrolmentId, ClaimsPrincipal user, IReadOnlyDictionary<int, EntryInput> entries, string? generalObservation)
    {
        var found = await CurrentAsync(enrolmentId, user);
        if (found is null) return Outcome.NotFound;
        var (_, role, grid, refusal) = found.Value;
        if (grid is null) return Outcome.Refused(refusal!);
        var codes = await CodesAsync(grid);
        var problems = new List<string>();
        var clearSignatures = false;
        foreach (var (competenceId, input) in entries)
        {
            var entry = grid.Entries.FirstOrDefault(e => e.CompetenceId == competenceId);
            var state = entry is null ? null : State(entry, codes);
            if (input.Acquired is not null || input.Observation is not null)
            {
                var acquired = input.Acquired ?? entry?.Acquired;
                var observation = input.Observation ?? entry?.Observation;
                if (EvaluationGridRules.WhyNotMark(role, grid.IsLocked, state, acquired, observation) is { } why) { problems.Add(why); continue; }
                var effect = EvaluationGridRules.AfterMark(entry!.Acquired, entry.Observation, acquired, observation);
                entry.Acquired = acquired;
                entry.Observation = Clean(observation);
                if (effect.ClearsCoEvaluatorResponse) (entry.CoEvaluatorAgrees, entry.CoEvaluatorObservation) = (null, null);
                clearSignatures |= effect.ClearsSignatures;
                state = State(entry, codes);
            }
            if (input.Agrees is not null || input.CoObservation is not null)
            {
                var agrees = input.Agrees ?? entry?.CoEvaluatorAgrees;
                var observation = input.CoObservation ?? entry?.CoEvaluatorObservation;
                if (EvaluationGridRules.WhyNotRespond(role, grid.IsLocked, state, agrees, observation) is { } why) { problems.Add(why); continue; }
                var effect = EvaluationGridRules.AfterResponse(entry!.CoEvaluatorAgrees, entry.CoEvaluatorObservation, agrees, observation);
                entry.CoEvaluatorAgrees = agrees;
                entry.CoEvaluatorObservation = Clean(observation);
                clearSignatures |= effect.ClearsSignatures;
            }
        }
        if (generalObservation is not null && Clean(generalObservation) != grid.GeneralObservation)
        {
            if (role != EvaluatorRole.Evaluator) problems.Add("Seul l'évaluateur rédige l'observation générale : rien n'a été enregistré.");
            else if (grid.IsLocked) problems.Add(EvaluationGridRules.Locked);
            else { grid.GeneralObservation = Clean(generalObservation); clearSignatures = true; }
        }
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused(string.Join(" ", problems.Distinct()));
        }
        if (clearSignatures)
            (grid.EvaluatorSignedAt, grid.EvaluatorSignedByUserId, grid.CoEvaluatorSignedAt, grid.CoEvaluatorSignedByUserId) = (null, null, null, null);
        grid.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        return Outcome.Done;
    }

    /// <summary>The caller signs their part; once both have, the grid is locked and the version it corrects is superseded.</summary>
    public async Task<Outcome> SignAsync(int enrolmentId, ClaimsPrincipal user, string userId)
    {
        var found = await CurrentAsync(enrolmentId, user);
        if (found is null) return Outcome.NotFound;
        var (_, role, grid, refusal) = found.Value;
        if (grid is null) return Outcome.Refused(refusal!);
        var codes = await CodesAsync(grid);
        var alreadySigned = role == EvaluatorRole.Evaluator ? grid.EvaluatorSignedAt is not null : grid.CoEvaluatorSignedAt is not null;
        if (EvaluationGridRules.WhyNotSign(role, grid.IsLocked, alreadySigned, grid.Entries.Select(e => State(e, codes)).OrderBy(e => e.Code, CompetenceCodeOrder.Instance)) is { } why)
            return Outcome.Refused(why);
        var now = clock.GetUtcNow();
        if (role == EvaluatorRole.Evaluator) (grid.EvaluatorSignedAt, grid.EvaluatorSignedByUserId) = (now, userId);
        else (grid.CoEvaluatorSignedAt, grid.CoEvaluatorSignedByUserId) = (now, userId);
        if (grid.IsLocked && grid.SupersedesId is { } previousId)
            await db.EvaluationGrids.Where(g => g.Id == previousId).ExecuteUpdateAsync(s => s.SetProperty(g => g.SupersededAt, now));
        grid.UpdatedAt = now;
        await db.SaveChangesAsync();
        return Outcome.Done;
    }

    /// <summary>Starts a correction of the signed grid: a new version with the same entries, unsigned, and the reason.</summary>
    public async Task<Outcome> CorrectAsync(int enrolmentId, ClaimsPrincipal user, string? reason)
    {
        var found = await CurrentAsync(enrolmentId, user);
        if (found is null) return Outcome.NotFound;
        var (_, role, grid, refusal) = found.Value;
        if (grid is null) return Outcome.Refused(refusal!);
        int? pending = !grid.IsLocked && grid.SupersedesId is not null ? grid.Version : null;
        if (EvaluationGridRules.WhyNotCorrect(role, grid.IsLocked, pending, reason) is { } why) return Outcome.Refused(why);
        var now = clock.GetUtcNow();
        db.EvaluationGrids.Add(new EvaluationGrid
        {
            EnrolmentId = grid.EnrolmentId, Version = grid.Version + 1, SupersedesId = grid.Id, CorrectionReason = reason!.Trim(),
            GeneralObservation = grid.GeneralObservation, CreatedAt = now, UpdatedAt = now,
            Entries = grid.Entries.Select(e => new EvaluationGridEntry
            {
                CompetenceId = e.CompetenceId, Acquired = e.Acquired, Observation = e.Observation,
                CoEvaluatorAgrees = e.CoEvaluatorAgrees, CoEvaluatorObservation = e.CoEvaluatorObservation,
            }).ToList(),
        });
        await db.SaveChangesAsync();
        return Outcome.Done;
    }

    /// <summary>
    /// The enrolment, the caller's part and the current grid (created on first opening by one of the session's
    /// evaluators), or why there is none; null when the enrolment is not the caller's to see.
    /// </summary>
    private async Task<(SessionEnrolment Enrolment, EvaluatorRole? Role, EvaluationGrid? Grid, string? Refusal)?> CurrentAsync(int enrolmentId, ClaimsPrincipal user)
    {
        var enrolment = await access.Enrolments(user).Where(e => e.Id == enrolmentId && e.State == EnrolmentState.Enrolled)
            .Include(e => e.Session!.Certification).Include(e => e.Registration!.Candidate).FirstOrDefaultAsync();
        if (enrolment is null) return null;
        var role = await access.RoleAsync(enrolment.SessionId, user);
        var grid = await LatestAsync(enrolmentId);
        if (grid is not null) return (enrolment, role, grid, null);
        if (role is null) return (enrolment, role, null, "La grille de ce candidat n'est pas encore ouverte.");
        var units = EvaluationGridRules.UnitsToEvaluate(
            await db.CertificationUnits.Where(u => u.CertificationId == enrolment.Session!.CertificationId).OrderBy(u => u.Number).Select(u => u.Id).ToListAsync(),
            await ValidatedBeforeAsync(enrolment));
        var sessionDay = DayInParis.Of(enrolment.Session!.StartsAt);
        if (EvaluationGridRules.WhyNotOpen(enrolment.Attendance == Attendance.Present, sessionDay, DayInParis.Today(clock), units.Count) is { } why)
            return (enrolment, role, null, why);
        var competences = await db.Competences.Where(c => units.Contains(c.UnitId)).Select(c => new { c.Id, c.UnitId }).ToListAsync();
        var now = clock.GetUtcNow();
        db.EvaluationGrids.Add(new EvaluationGrid
        {
            EnrolmentId = enrolmentId, Version = 1, CreatedAt = now, UpdatedAt = now,
            Entries = EvaluationGridRules.CompetencesOf(competences.Select(c => (c.Id, c.UnitId)), units).Select(id => new EvaluationGridEntry { CompetenceId = id }).ToList(),
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The other evaluator opened the grid at the same moment: theirs is the grid.
            db.ChangeTracker.Clear();
        }
        return (enrolment, role, await LatestAsync(enrolmentId), null);
    }

    /// <summary>Units validated by the candidate's jury decisions taken before the session's day (the earlier juries).</summary>
    private async Task<List<int>> ValidatedBeforeAsync(SessionEnrolment enrolment)
    {
        var sessionDay = DayInParis.Of(enrolment.Session!.StartsAt);
        return await db.JuryDecisions.Where(JuryDecision.IsFinal).Where(d => d.RegistrationId == enrolment.RegistrationId && d.DecidedOn <= sessionDay)
            .SelectMany(d => d.UnitResults).Where(u => u.Validated).Select(u => u.UnitId).Distinct().ToListAsync();
    }

    private Task<EvaluationGrid?> LatestAsync(int enrolmentId) =>
        db.EvaluationGrids.Include(g => g.Entries).Where(g => g.EnrolmentId == enrolmentId).OrderByDescending(g => g.Version).FirstOrDefaultAsync();

    private async Task<Dictionary<int, (string Code, int UnitId)>> CodesAsync(EvaluationGrid grid)
    {
        var ids = grid.Entries.Select(e => e.CompetenceId).ToList();
        return await db.Competences.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Code, c.UnitId));
    }

    private static GridEntryState State(EvaluationGridEntry entry, Dictionary<int, (string Code, int UnitId)> codes) =>
        new(entry.CompetenceId, codes[entry.CompetenceId].Code, codes[entry.CompetenceId].UnitId, entry.Acquired, entry.CoEvaluatorAgrees);

    private async Task<GridView> ViewAsync(SessionEnrolment enrolment, EvaluatorRole? role, EvaluationGrid grid)
    {
        var ids = grid.Entries.Select(e => e.CompetenceId).ToList();
        var competences = await db.Competences.Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Title, c.EvaluationModalities, c.EvaluationCriteria, c.UnitId, c.Unit!.Number, UnitTitle = c.Unit.Title }).ToListAsync();
        var units = competences.GroupBy(c => (c.UnitId, c.Number, c.UnitTitle)).OrderBy(g => g.Key.Number)
            .Select(g => new UnitRow(g.Key.UnitId, g.Key.Number, g.Key.UnitTitle, g.OrderBy(c => c.Code, CompetenceCodeOrder.Instance)
                .Select(c => new CompetenceRow(c.Id, c.Code, c.Title, c.EvaluationModalities, c.EvaluationCriteria)).ToList()))
            .ToList();
        var versions = await db.EvaluationGrids.Where(g => g.EnrolmentId == enrolment.Id).OrderBy(g => g.Version)
            .Select(g => new { g.Version, g.CorrectionReason, g.EvaluatorSignedAt, g.CoEvaluatorSignedAt, g.SupersededAt }).ToListAsync();
        var candidate = enrolment.Registration!.Candidate!;
        return new GridView(enrolment.Id, enrolment.RegistrationId, $"{candidate.FirstName} {candidate.LastName}", enrolment.Session!.Certification!.Name,
            enrolment.Session, role, await EvaluatorsAsync(db, enrolment.SessionId), grid, units,
            await SignatureAsync(db, grid.EvaluatorSignedByUserId, grid.EvaluatorSignedAt), await SignatureAsync(db, grid.CoEvaluatorSignedByUserId, grid.CoEvaluatorSignedAt),
            versions.Select(v => new VersionRow(v.Version, v.CorrectionReason, v.EvaluatorSignedAt is not null && v.CoEvaluatorSignedAt is not null, v.SupersededAt)).ToList());
    }

    internal static Task<List<EvaluatorRow>> EvaluatorsAsync(CqpDbContext db, int sessionId) =>
        db.SessionEvaluators.Where(a => a.SessionId == sessionId).OrderBy(a => a.Role)
            .Select(a => new EvaluatorRow(a.Evaluator!.FullName, a.Role, a.Remote)).ToListAsync();

    /// <summary>Who signed (their name on the evaluators' list, else their account's name) and when.</summary>
    internal static async Task<Signature?> SignatureAsync(CqpDbContext db, string? userId, DateTimeOffset? at)
    {
        if (userId is null || at is null) return null;
        var name = await db.Evaluators.Where(e => e.UserId == userId).Select(e => e.FullName).FirstOrDefaultAsync()
            ?? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "—";
        return new Signature(name, at.Value);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>C.1.2 before C.1.10: competence codes in their natural order.</summary>
public sealed class CompetenceCodeOrder : IComparer<string>
{
    public static readonly CompetenceCodeOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }
}
