using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Privacy;

/// <summary>
/// « Télécharger mes données » (RGPD articles 15 and 20): a zip with donnees.json — everything the portal holds that is
/// tied to this person, under readable keys — and every document they sent or the portal keeps for them. Always
/// selected from the signed-in user's own candidate record: there is no id to choose, so nobody else's data can come out.
/// </summary>
public sealed class PersonalDataExport(CqpDbContext db, TimeProvider clock)
{
    public const string JsonEntry = "donnees.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // accents readable in the file
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The zip of the user's data (the account alone when they have no file yet); null when the user does not exist.</summary>
    public async Task<byte[]?> ZipAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.PhoneNumber, u.EmailConfirmed, u.TwoFactorEnabled, u.LastSignInAt }).FirstOrDefaultAsync(cancellationToken);
        var candidate = await db.Candidates.AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, c.Phone, c.BirthDate, c.Sex, c.Region, Company = c.Company == null ? null : new { c.Company.Name, c.Company.Siret, c.Company.City }, c.CreatedAt, c.UpdatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null) return null;
        var candidateId = candidate?.Id ?? 0; // an account without a file yet: the account alone

        var registrations = await db.Registrations.AsNoTracking().Where(r => r.CandidateId == candidateId).OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, Certification = r.Certification!.Kind + " " + r.Certification.Title, r.Route, r.Funding, r.EmploymentStatus, r.EmployerName, r.EmployerSiret,
                r.EducationLevel, r.HighestDiploma, r.DiplomaGroup, r.TeleSecretaryMonths, r.PhoneJobMonths, r.PhoneTimeShare, r.PhoneJobKind, r.Sectors, r.OtherSector,
                r.Region, r.State, r.RegisteredOn, r.AdmissibilityDecidedOn, r.DecisionMotive, r.CertifiedOn, r.CompanyMayFollow, r.CompanyConsentAt, r.PrivacyConsentAt,
                r.PaperFormDate, r.CreatedAt, r.UpdatedAt,
                History = r.History.OrderBy(h => h.At).Select(h => new { h.From, h.To, h.At, h.Comment }).ToList(),
                DocumentsRequested = r.DocumentRequests.OrderBy(d => d.Id).Select(d => new { d.Label, d.RequestedAt }).ToList(),
                Proofs = r.Proofs.OrderBy(p => p.Id).Select(p => new { p.Id, p.Kind, p.FileName, p.ContentType, p.Length, p.UploadedAt }).ToList(),
                Sessions = r.Enrolments.OrderBy(e => e.Session!.StartsAt).Select(e => new
                {
                    e.Session!.Kind, e.Session.StartsAt, e.Session.PlaceName, e.Session.City, e.State, e.EnrolledAt, e.CancelledAt, e.Attendance,
                    TrainingHalfDays = e.HalfDays.OrderBy(h => h.Id).Select(h => new { h.HalfDay, h.Attendance, h.Hours }).ToList(),
                }).ToList(),
                JuryDecisions = r.JuryDecisions.OrderBy(j => j.DecidedOn).Select(j => new
                {
                    j.DecidedOn, j.Result, j.Comment,
                    Units = j.UnitResults.OrderBy(u => u.Unit!.Number).Select(u => new { u.Unit!.Number, u.Unit.Title, u.Validated }).ToList(),
                }).ToList(),
                Surveys = r.Surveys.OrderBy(s => s.DueOn).Select(s => new
                {
                    s.Wave, s.DueOn, s.InvitedAt, s.RespondedOn, s.Situation, s.Contract, s.Sector, s.JobTitle, s.Company, s.TrainingLevel, s.NsfCode, s.OptedOutAt,
                }).ToList(),
                Positionings = r.Positionings.OrderBy(p => p.Id).Select(p => new
                {
                    p.Side, p.TutorName, p.InterviewOn, p.Comment, p.SubmittedAt,
                    Entries = p.Entries.OrderBy(e => e.Id).Select(e => new { Competence = e.Competence!.Code + " " + e.Competence.Title, e.Level, e.Comment }).ToList(),
                }).ToList(),
                TrainingPaths = r.TrainingPaths.OrderBy(p => p.Version).Select(p => new
                {
                    p.Version, p.Objectives, p.ReducedHoursReason, p.CandidateSignedAt, p.CompanySignedAt, p.OrganisationSignedAt, p.SupersededAt, p.EvaluationWaiverReason,
                    Units = p.Units.OrderBy(u => u.Id).Select(u => new { u.Unit!.Number, u.PlannedHours, u.Modules }).ToList(),
                }).ToList(),
            })
            .AsSplitQuery().ToListAsync(cancellationToken);
        var registrationIds = registrations.Select(r => r.Id).ToList();

        var evaluations = await db.EvaluationGrids.AsNoTracking().Where(g => registrationIds.Contains(g.Enrolment!.RegistrationId)).OrderBy(g => g.Id)
            .Select(g => new
            {
                g.Enrolment!.RegistrationId, Session = g.Enrolment.Session!.StartsAt, g.Version, g.CorrectionReason, g.SupersededAt, g.EvaluatorSignedAt, g.GeneralObservation,
                Entries = g.Entries.OrderBy(e => e.Id).Select(e => new { Competence = e.Competence!.Code + " " + e.Competence.Title, e.Acquired, e.Observation, e.CoEvaluatorObservation }).ToList(),
            }).ToListAsync(cancellationToken);
        var certificates = await db.Certificates.AsNoTracking().Where(c => registrationIds.Contains(c.RegistrationId))
            .Select(c => new { c.Number, c.ObtainedOn, c.HolderName, c.IssuedAt, c.SignedAt, c.SentAt }).ToListAsync(cancellationToken);
        var booklets = await db.Booklets.AsNoTracking().Where(b => registrationIds.Contains(b.RegistrationId)).OrderBy(b => b.Id)
            .Select(b => new
            {
                b.Id, b.RegistrationId, b.Kind, b.State, b.Version, b.SwornStatement, b.SwornOn, b.SubmittedAt,
                Jobs = b.Jobs.OrderBy(j => j.Position).Select(j => new { j.Employer, j.JobTitle, j.From, j.To, j.FullTimeShare, j.PhoneTimeShare, j.Kind, j.MainActivities }).ToList(),
                Situations = b.Situations.OrderBy(s => s.Position).Select(s => new { Activity = s.Activity!.Code + " " + s.Activity.Title, s.Context, s.Actions, s.Tools, s.Result }).ToList(),
                History = b.History.OrderBy(e => e.At).Select(e => new { e.At, e.Version, e.From, e.To, e.Comment, e.MissingItems }).ToList(),
                Documents = b.Documents.OrderBy(d => d.Id).Select(d => new { d.Id, d.Kind, d.FileName, d.ContentType, d.Length, d.UploadedAt }).ToList(),
            }).AsSplitQuery().ToListAsync(cancellationToken);
        var letters = await db.CandidateDocuments.AsNoTracking().Where(d => d.CandidateId == candidateId).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Title, d.FileName, d.ContentType, d.CreatedAt }).ToListAsync(cancellationToken);
        var erasures = await db.ErasureRequests.AsNoTracking().Where(e => e.CandidateId == candidateId).OrderBy(e => e.Id)
            .Select(e => new { e.RequestedAt, e.Reason, e.State, e.DecidedAt, e.Outcome }).ToListAsync(cancellationToken);
        var signIns = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt)
            .Select(s => new { s.CreatedAt, s.LastSeenAt, s.UserAgent, s.IpAddress, s.RevokedAt }).ToListAsync(cancellationToken);

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            var data = new
            {
                exportedAt = clock.GetUtcNow(),
                about = "Toutes les données que le portail du CQP conserve sur vous, et vos documents dans le dossier « documents ».",
                account = user, person = candidate, registrations, evaluations, certificates, vaeBooklets = booklets,
                lettersAndDocuments = letters, erasureRequests = erasures, signInSessions = signIns,
            };
            await using (var entry = archive.CreateEntry(JsonEntry).Open())
                await JsonSerializer.SerializeAsync(entry, data, Json, cancellationToken);

            // The files, read one at a time (a booklet may hold many megabytes of scans).
            foreach (var proof in registrations.SelectMany(r => r.Proofs))
                await AddAsync(archive, $"documents/justificatifs/{proof.Id}-{proof.FileName}",
                    db.RegistrationProofs.Where(p => p.Id == proof.Id).Select(p => p.Content), cancellationToken);
            foreach (var document in booklets.SelectMany(b => b.Documents))
                await AddAsync(archive, $"documents/livrets/{document.Id}-{document.FileName}",
                    db.BookletDocuments.Where(d => d.Id == document.Id).Select(d => d.Content), cancellationToken);
            foreach (var letter in letters)
                await AddAsync(archive, $"documents/courriers/{letter.Id}-{letter.FileName}",
                    db.CandidateDocuments.Where(d => d.Id == letter.Id).Select(d => d.Content), cancellationToken);
        }
        return zip.ToArray();
    }

    private static async Task AddAsync(ZipArchive archive, string name, IQueryable<byte[]> content, CancellationToken cancellationToken)
    {
        var bytes = await content.FirstAsync(cancellationToken);
        await using var entry = archive.CreateEntry(SafeName(name), CompressionLevel.Fastest).Open();
        await entry.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>A file name as the person gave it, without what a zip tool could take for a folder or a drive.</summary>
    public static string SafeName(string path)
    {
        var slash = path.LastIndexOf('/');
        var (folder, file) = (path[..(slash + 1)], path[(slash + 1)..]);
        var clean = new StringBuilder();
        foreach (var c in file) clean.Append(c is '/' or '\\' or ':' || char.IsControl(c) || Path.GetInvalidFileNameChars().Contains(c) ? '_' : c);
        return folder + clean.ToString().TrimStart('.');
    }
}
