using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Records;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Imports;

/// <summary>
/// Imports the candidates template: candidate, registration, admissibility, jury decision with its unit results and the
/// certification date, as recorded. All or nothing: one transaction, and a file with any bad line writes nothing.
/// Idempotent through natural keys: a candidate is its name, first name and birth date; a registration is its candidate
/// and registration date; a jury decision is its registration and date. Imported candidates get no login account.
/// New rows go in by binary COPY (100,000 lines within 3× of COPY alone: reports/README.md), changed rows through EF.
/// </summary>
public sealed class CandidateImport(CqpDbContext db, TimeProvider clock)
{
    private sealed record NewRegistration(Candidate Candidate, Registration Registration);
    private sealed record NewJury(Registration Registration, JuryDecision Jury);

    public async Task<ImportSummary> RunAsync(RecordSheet sheet, string source, string? byUserId, CancellationToken cancellationToken = default)
    {
        var certification = await db.Certifications.AsNoTracking().Include(c => c.Units).OrderBy(c => c.Id).FirstAsync(cancellationToken);
        var units = certification.Units.OrderBy(u => u.Number).ToList();
        var parsed = new CandidateRecordParser(units.Select(u => u.Number).ToList(), new PrerequisiteRules(certification.Prerequisites)).Parse(sheet);
        if (!parsed.IsValid) return ImportSummary.Refused(parsed.Errors, parsed.Warnings);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ImportLock.TakeAsync(db, cancellationToken);
        var matches = await CandidateMatcher.LoadAsync(db, parsed.Records.Select(r => (r.LastName, r.FirstName, r.BirthDate)), cancellationToken);
        var errors = parsed.Records
            .Where(r => matches.IsAmbiguous(r.LastName, r.FirstName, r.BirthDate))
            .Select(r => new RecordIssue(r.Line, RecordTemplates.LastName, r.LastName,
                "Plusieurs candidats du portail portent ce nom, ce prénom et cette date de naissance : fusionnez-les avant d'importer."))
            .ToList();
        if (errors.Count > 0) return ImportSummary.Refused(errors, parsed.Warnings);

        var existing = await db.Candidates
            .Where(c => matches.Ids.Contains(c.Id))
            .Include(c => c.Registrations.Where(r => r.CertificationId == certification.Id)).ThenInclude(r => r.JuryDecisions).ThenInclude(j => j.UnitResults)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var candidates = existing.ToDictionary(c => CandidateMatcher.Key(c.LastName, c.FirstName, c.BirthDate));
        var registrations = existing.SelectMany(c => c.Registrations.Where(r => r.RegisteredOn is not null).Select(r => (c, r)))
            .GroupBy(x => (x.c, x.r.RegisteredOn!.Value)).ToDictionary(g => g.Key, g => g.OrderBy(x => x.r.Id).First().r);
        var juries = registrations.Values.SelectMany(r => r.JuryDecisions.Select(j => (r, j)))
            .GroupBy(x => (x.r, x.j.DecidedOn)).ToDictionary(g => g.Key, g => g.OrderBy(x => x.j.Id).First().j);
        // A registration on several lines (one per jury) is certified on the date any of its lines gives.
        var keys = parsed.Records.Select(r => CandidateMatcher.Key(r.LastName, r.FirstName, r.BirthDate)).ToList();
        var certifiedOn = parsed.Records.Zip(keys).GroupBy(x => (x.Second, x.First.RegisteredOn))
            .ToDictionary(g => g.Key, g => g.Max(x => x.First.CertifiedOn));

        var now = clock.GetUtcNow();
        var newCandidates = new List<Candidate>();
        var newRegistrations = new List<NewRegistration>();
        var newJuries = new List<NewJury>();
        var tally = new LineTally();
        foreach (var (record, key) in parsed.Records.Zip(keys))
        {
            var changes = new ChangeSet();
            var created = false;
            if (!candidates.TryGetValue(key, out var candidate))
            {
                candidate = new Candidate
                {
                    LastName = record.LastName, FirstName = record.FirstName, BirthDate = record.BirthDate, Email = record.Email ?? "",
                    Sex = record.Sex, Region = record.Region, CreatedAt = now, UpdatedAt = now,
                };
                candidates.Add(key, candidate);
                newCandidates.Add(candidate);
                created = true;
            }
            else
            {
                changes.Set(candidate.Sex, record.Sex, v => candidate.Sex = v);
                // The region is the registration's (a candidate registered twice may have moved): set on the candidate when created only.
                // A candidate with a login account keeps the address of the account.
                if (record.Email is { } email && candidate.UserId is null) changes.Set(candidate.Email, email, v => candidate.Email = v);
            }

            if (!registrations.TryGetValue((candidate, record.RegisteredOn), out var registration))
            {
                registration = new Registration { CertificationId = certification.Id, RegisteredOn = record.RegisteredOn, CreatedAt = now, UpdatedAt = now };
                registration.History.Add(new RegistrationStatusChange { To = record.Admissibility, At = now, ByUserId = byUserId, Comment = $"Import de l'historique : {source}, ligne {record.Line}." });
                registrations.Add((candidate, record.RegisteredOn), registration);
                newRegistrations.Add(new NewRegistration(candidate, registration));
                created = true;
            }
            else if (registration.State != record.Admissibility)
            {
                registration.History.Add(new RegistrationStatusChange { From = registration.State, To = record.Admissibility, At = now, ByUserId = byUserId, Comment = $"Import : {source}, ligne {record.Line}." });
            }
            Apply(registration, record, certifiedOn[(key, record.RegisteredOn)], changes);

            if (record.JuryOn is { } juryOn && record.JuryResult is { } result)
            {
                if (!juries.TryGetValue((registration, juryOn), out var jury))
                {
                    jury = new JuryDecision { DecidedOn = juryOn, Result = result };
                    juries.Add((registration, juryOn), jury);
                    newJuries.Add(new NewJury(registration, jury));
                    created = true;
                }
                changes.Set(jury.Result, result, v => jury.Result = v);
                foreach (var unit in units)
                {
                    var validated = record.ValidatedUnits.Contains(unit.Number);
                    var unitResult = jury.UnitResults.FirstOrDefault(u => u.UnitId == unit.Id);
                    if (unitResult is null) { jury.UnitResults.Add(new JuryUnitResult { UnitId = unit.Id, Validated = validated }); changes.Changed = true; }
                    else changes.Set(unitResult.Validated, validated, v => unitResult.Validated = v);
                }
            }
            tally.Count(created, changes.Changed);
        }

        await db.SaveChangesAsync(cancellationToken);
        await CopyNewRowsAsync(newCandidates, newRegistrations, newJuries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportSummary(tally.Created, tally.Updated, tally.Unchanged, [], parsed.Warnings);
    }

    private static void Apply(Registration r, CandidateRecord record, DateOnly? certifiedOn, ChangeSet changes)
    {
        changes.Set(r.Route, record.Route, v => r.Route = v);
        changes.Set(r.Funding, record.Funding, v => r.Funding = v);
        changes.Set(r.EmploymentStatus, record.Status, v => r.EmploymentStatus = v);
        changes.Set(r.EmployerName, record.Employer, v => r.EmployerName = v);
        changes.Set(r.EducationLevel, record.EducationLevel, v => r.EducationLevel = v);
        changes.Set(r.HighestDiploma, record.HighestDiploma, v => r.HighestDiploma = v);
        // The template keeps free text (older files too): the diploma's group and the sectors' codes are read from it.
        changes.Set(r.DiplomaGroup, Domain.Registrations.DiplomaGroups.Infer(record.HighestDiploma, record.EducationLevel), v => r.DiplomaGroup = v);
        changes.Set(r.TeleSecretaryMonths, record.TeleSecretaryMonths, v => r.TeleSecretaryMonths = v);
        changes.Set(r.PhoneJobMonths, record.PhoneJobMonths, v => r.PhoneJobMonths = v);
        changes.Set(r.PhoneTimeShare, record.PhoneTimeShare, v => r.PhoneTimeShare = v);
        changes.Set(r.PhoneJobKind, record.PhoneJobKind, v => r.PhoneJobKind = v);
        var (sectors, otherSector) = Domain.Registrations.ExperienceSectors.FromFreeText(record.Sectors);
        if (!r.Sectors.SequenceEqual(sectors)) { r.Sectors = [.. sectors]; changes.Changed = true; }
        changes.Set(r.OtherSector, otherSector, v => r.OtherSector = v);
        changes.Set(r.Region, record.Region, v => r.Region = v);
        changes.Set(r.State, record.Admissibility, v => r.State = v);
        changes.Set(r.CertifiedOn, certifiedOn, v => r.CertifiedOn = v);
    }

    /// <summary>Gives the new rows ids from their sequences, then sends each table with one binary COPY, in the import's transaction.</summary>
    private async Task CopyNewRowsAsync(List<Candidate> candidates, List<NewRegistration> registrations, List<NewJury> juries, CancellationToken cancellationToken)
    {
        var copy = new BulkCopy(db);
        var candidateIds = await copy.NextIdsAsync("Candidates", candidates.Count, cancellationToken);
        for (var i = 0; i < candidates.Count; i++) candidates[i].Id = candidateIds[i];
        var registrationIds = await copy.NextIdsAsync("Registrations", registrations.Count, cancellationToken);
        for (var i = 0; i < registrations.Count; i++)
        {
            registrations[i].Registration.Id = registrationIds[i];
            registrations[i].Registration.CandidateId = registrations[i].Candidate.Id;
        }
        var juryIds = await copy.NextIdsAsync("JuryDecisions", juries.Count, cancellationToken);
        for (var i = 0; i < juries.Count; i++)
        {
            juries[i].Jury.Id = juryIds[i];
            juries[i].Jury.RegistrationId = juries[i].Registration.Id;
        }
        var unitResults = juries.SelectMany(j => j.Jury.UnitResults.Select(u => { u.JuryDecisionId = j.Jury.Id; return u; })).ToList();
        var history = registrations.SelectMany(r => r.Registration.History.Select(h => { h.RegistrationId = r.Registration.Id; return h; })).ToList();

        await copy.CandidatesAsync(candidates, cancellationToken);
        await copy.RegistrationsAsync(registrations.Select(r => r.Registration).ToList(), cancellationToken);
        await copy.StatusChangesAsync(history, cancellationToken);
        await copy.JuryDecisionsAsync(juries.Select(j => j.Jury).ToList(), cancellationToken);
        await copy.JuryUnitResultsAsync(unitResults, cancellationToken);
    }
}

/// <summary>Finds the portal's candidates by name, first name and birth date, compared like labels (case and accents aside).</summary>
internal sealed class CandidateMatcher
{
    private readonly Dictionary<(string, string, DateOnly), List<int>> ids;

    private CandidateMatcher(Dictionary<(string, string, DateOnly), List<int>> ids) => this.ids = ids;

    public static (string, string, DateOnly) Key(string lastName, string firstName, DateOnly birthDate) =>
        (RecordText.Key(lastName), RecordText.Key(firstName), birthDate);

    /// <summary>The candidates born on the birth dates of the file (one query), kept when their names match a line.</summary>
    public static async Task<CandidateMatcher> LoadAsync(CqpDbContext db, IEnumerable<(string LastName, string FirstName, DateOnly BirthDate)> people, CancellationToken cancellationToken)
    {
        var wanted = people.Select(p => Key(p.LastName, p.FirstName, p.BirthDate)).ToHashSet();
        var birthDates = wanted.Select(k => k.Item3).Distinct().ToList();
        var rows = await db.Candidates.AsNoTracking().Where(c => birthDates.Contains(c.BirthDate))
            .Select(c => new { c.Id, c.LastName, c.FirstName, c.BirthDate }).ToListAsync(cancellationToken);
        var found = rows.Select(r => (Key: Key(r.LastName, r.FirstName, r.BirthDate), r.Id)).Where(r => wanted.Contains(r.Key))
            .GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
        return new CandidateMatcher(found);
    }

    public IReadOnlyList<int> Ids => ids.Values.Where(v => v.Count == 1).Select(v => v[0]).ToList();

    public bool IsAmbiguous(string lastName, string firstName, DateOnly birthDate) =>
        ids.TryGetValue(Key(lastName, firstName, birthDate), out var found) && found.Count > 1;

    public int? Find(string lastName, string firstName, DateOnly birthDate) =>
        ids.TryGetValue(Key(lastName, firstName, birthDate), out var found) && found.Count == 1 ? found[0] : null;
}

/// <summary>One import at a time: two staff members sending the same file at once still create each candidate once.</summary>
internal static class ImportLock
{
    public static Task TakeAsync(CqpDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(20986)", cancellationToken);
}
