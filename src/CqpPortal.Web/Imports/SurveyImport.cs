using CqpPortal.Domain.Records;
using CqpPortal.Domain.Surveys;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Imports;

/// <summary>
/// Imports the surveys template. Each line is matched to a holder by name, first name and birth date (a line that
/// matches no holder is an error); an answer is its holder's certified registration and the wave, so a second import
/// updates or leaves it. All or nothing, in one transaction.
/// </summary>
public sealed class SurveyImport(CqpDbContext db)
{
    public async Task<ImportSummary> RunAsync(RecordSheet sheet, CancellationToken cancellationToken = default)
    {
        var parsed = new SurveyRecordParser().Parse(sheet);
        if (!parsed.IsValid) return ImportSummary.Refused(parsed.Errors, parsed.Warnings);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ImportLock.TakeAsync(db, cancellationToken);
        var matches = await CandidateMatcher.LoadAsync(db, parsed.Records.Select(r => (r.LastName, r.FirstName, r.BirthDate)), cancellationToken);
        var candidateIds = matches.Ids;
        // A holder's registrations: certified on the recorded date, or else on the day of a total validation.
        var holders = await db.Registrations
            .Where(r => candidateIds.Contains(r.CandidateId))
            .Select(r => new
            {
                r.Id, r.CandidateId,
                CertifiedOn = r.CertifiedOn ?? r.JuryDecisions.Where(j => j.Result == JuryResult.TotalValidation).Max(j => (DateOnly?)j.DecidedOn),
            })
            .Where(r => r.CertifiedOn != null)
            .ToListAsync(cancellationToken);
        var holdersByCandidate = holders.ToLookup(h => h.CandidateId);
        var registrationIds = holders.Select(h => h.Id).ToList();
        var surveys = await db.HolderSurveys.Where(s => registrationIds.Contains(s.RegistrationId)).ToListAsync(cancellationToken);
        var byKey = surveys.ToDictionary(s => (s.RegistrationId, s.Wave));

        var errors = new List<RecordIssue>();
        var warnings = parsed.Warnings.ToList();
        var tally = new LineTally();
        foreach (var record in parsed.Records)
        {
            RecordIssue Error(string column, string value, string why) => new(record.Line, column, value, why);
            if (matches.IsAmbiguous(record.LastName, record.FirstName, record.BirthDate))
            {
                errors.Add(Error(RecordTemplates.LastName, record.LastName, "Plusieurs candidats du portail portent ce nom, ce prénom et cette date de naissance."));
                continue;
            }
            if (matches.Find(record.LastName, record.FirstName, record.BirthDate) is not { } candidateId)
            {
                errors.Add(Error(RecordTemplates.LastName, $"{record.LastName} {record.FirstName} ({RecordText.Date(record.BirthDate)})",
                    "Aucun titulaire ne porte ce nom, ce prénom et cette date de naissance : importez d'abord le candidat et son jury."));
                continue;
            }
            var certified = holdersByCandidate[candidateId].ToList();
            if (certified.Count == 0)
            {
                errors.Add(Error(RecordTemplates.LastName, record.LastName, "Ce candidat n'a pas de validation totale ni de date d'obtention enregistrée : il n'est pas titulaire."));
                continue;
            }
            var holder = certified.Count == 1 ? certified[0] : certified.FirstOrDefault(h => h.CertifiedOn == record.CertifiedOn);
            if (holder is null)
            {
                errors.Add(Error(RecordTemplates.CertifiedOn, RecordText.Date(record.CertifiedOn),
                    "Ce titulaire a obtenu le CQP plusieurs fois : la date d'obtention doit être l'une de " + string.Join(", ", certified.Select(h => RecordText.Date(h.CertifiedOn))) + "."));
                continue;
            }
            if (record.CertifiedOn is { } given && given != holder.CertifiedOn)
                warnings.Add(Error(RecordTemplates.CertifiedOn, RecordText.Date(given), $"Le portail enregistre une obtention le {RecordText.Date(holder.CertifiedOn)} : la réponse lui est rattachée."));

            var changes = new ChangeSet();
            var created = false;
            if (!byKey.TryGetValue((holder.Id, record.Wave), out var survey))
            {
                survey = new HolderSurvey { RegistrationId = holder.Id, Wave = record.Wave, DueOn = HolderSurveySchedule.DueOn(holder.CertifiedOn!.Value, record.Wave) };
                byKey.Add((holder.Id, record.Wave), survey);
                db.HolderSurveys.Add(survey);
                created = true;
            }
            changes.Set(survey.RespondedOn, record.RespondedOn, v => survey.RespondedOn = v);
            changes.Set(survey.Situation, record.Situation, v => survey.Situation = v);
            changes.Set(survey.Contract, record.Contract, v => survey.Contract = v);
            changes.Set(survey.Sector, record.Sector, v => survey.Sector = v);
            changes.Set(survey.JobTitle, record.JobTitle, v => survey.JobTitle = v);
            changes.Set(survey.TrainingLevel, record.TrainingLevel, v => survey.TrainingLevel = v);
            changes.Set(survey.NsfCode, record.NsfCode, v => survey.NsfCode = v);
            // A file without « Entreprise » (made before the column) leaves a known company as it is.
            if (record.Company is not null) changes.Set(survey.Company, record.Company, v => survey.Company = v);
            // An answer the import wrote came by import; one it left as it was keeps how it came (the SIST answers file imports back unchanged).
            if (created || changes.Changed) survey.Channel = SurveyAnswerChannel.Import;
            tally.Count(created, changes.Changed);
        }
        if (errors.Count > 0) return ImportSummary.Refused(errors, warnings);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportSummary(tally.Created, tally.Updated, tally.Unchanged, [], warnings);
    }
}
