using CqpPortal.Domain.Records;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Imports;

/// <summary>
/// The file sent to SIST before a session starts (cahier des charges: « le dossier des candidats […] avant le début du
/// parcours »): the candidates enrolled in the session, one line each in the candidates import template, with the same
/// labels, so that the file can be imported back. The jury columns give the registration's latest jury decision.
/// </summary>
public sealed class TransmissionFile(CqpDbContext db)
{
    public sealed record File(byte[] Content, string FileName);

    public async Task<File?> ForSessionAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        var session = await db.Sessions.Where(s => s.Id == sessionId).Select(s => new { s.Id, s.StartsAt }).SingleOrDefaultAsync(cancellationToken);
        if (session is null) return null;
        var rows = await db.SessionEnrolments.AsNoTracking()
            .Where(e => e.SessionId == sessionId && e.State == EnrolmentState.Enrolled)
            .Select(e => new
            {
                e.Registration!.Candidate!.LastName, e.Registration.Candidate.FirstName, e.Registration.Candidate.BirthDate, e.Registration.Candidate.Sex,
                e.Registration.Candidate.Email, Registration = e.Registration,
                Jury = e.Registration.JuryDecisions.AsQueryable().Where(JuryDecision.IsFinal).OrderByDescending(j => j.DecidedOn).ThenByDescending(j => j.Id)
                    .Select(j => new { j.DecidedOn, j.Result, Units = j.UnitResults.Where(u => u.Validated).Select(u => u.Unit!.Number).ToList() })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var records = rows
            .OrderBy(r => r.LastName).ThenBy(r => r.FirstName)
            .Select(r => new CandidateRecord
            {
                LastName = r.LastName, FirstName = r.FirstName, BirthDate = r.BirthDate, Sex = r.Sex, Email = r.Email,
                EducationLevel = r.Registration.EducationLevel, HighestDiploma = r.Registration.HighestDiploma,
                TeleSecretaryMonths = r.Registration.TeleSecretaryMonths, PhoneJobMonths = r.Registration.PhoneJobMonths,
                PhoneTimeShare = r.Registration.PhoneTimeShare, PhoneJobKind = r.Registration.PhoneJobKind, Sectors = Domain.Registrations.ExperienceSectors.AsFreeText(r.Registration.Sectors, r.Registration.OtherSector),
                Status = r.Registration.EmploymentStatus, Employer = r.Registration.EmployerName, Route = r.Registration.Route,
                Funding = r.Registration.Funding, Region = r.Registration.Region,
                RegisteredOn = r.Registration.RegisteredOn ?? DayInParis.Of(r.Registration.CreatedAt),
                Admissibility = r.Registration.State, JuryOn = r.Jury?.DecidedOn, JuryResult = r.Jury?.Result,
                ValidatedUnits = r.Jury?.Units.Order().ToList() ?? [], CertifiedOn = r.Registration.CertifiedOn,
            })
            .Select(r => r.ToCells());
        var content = RecordFileWriter.Xlsx("Candidats", RecordTemplates.Candidates.Columns, records);
        return new File(content, $"transmission-sist-session-{session.Id}-{Formatting.FrenchFormat.InParis(session.StartsAt):yyyy-MM-dd}.xlsx");
    }
}
