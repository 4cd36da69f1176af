using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Data;

/// <summary>The portal's one database context: Identity, the referential, candidates and their journey.</summary>
public class CqpDbContext(DbContextOptions<CqpDbContext> options) : IdentityDbContext<PortalUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The ASP.NET Core Data Protection key ring, shared by every node (sign-in cookies, anti-forgery, e-mailed tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    /// <summary>Signed-in sessions (the cookie's ticket store): revoked at sign-out and on a password change.</summary>
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<Certification> Certifications => Set<Certification>();
    public DbSet<CertificationUnit> CertificationUnits => Set<CertificationUnit>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Competence> Competences => Set<Competence>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<CompanyManager> CompanyManagers => Set<CompanyManager>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<RegistrationStatusChange> RegistrationStatusChanges => Set<RegistrationStatusChange>();
    public DbSet<RegistrationProof> RegistrationProofs => Set<RegistrationProof>();
    public DbSet<DocumentRequest> DocumentRequests => Set<DocumentRequest>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<SessionEnrolment> SessionEnrolments => Set<SessionEnrolment>();
    public DbSet<JuryDecision> JuryDecisions => Set<JuryDecision>();
    public DbSet<JuryUnitResult> JuryUnitResults => Set<JuryUnitResult>();
    public DbSet<JurySessionMember> JurySessionMembers => Set<JurySessionMember>();
    public DbSet<JuryMinutesSignature> JuryMinutesSignatures => Set<JuryMinutesSignature>();
    public DbSet<JuryDecisionCorrection> JuryDecisionCorrections => Set<JuryDecisionCorrection>();
    public DbSet<Evaluator> Evaluators => Set<Evaluator>();
    public DbSet<EvaluatorHabilitation> EvaluatorHabilitations => Set<EvaluatorHabilitation>();
    public DbSet<EvaluatorHabilitationEvent> EvaluatorHabilitationEvents => Set<EvaluatorHabilitationEvent>();
    public DbSet<EvaluatorLink> EvaluatorLinks => Set<EvaluatorLink>();
    public DbSet<SessionEvaluator> SessionEvaluators => Set<SessionEvaluator>();
    public DbSet<EvaluationGrid> EvaluationGrids => Set<EvaluationGrid>();
    public DbSet<EvaluationGridEntry> EvaluationGridEntries => Set<EvaluationGridEntry>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<HolderSurvey> HolderSurveys => Set<HolderSurvey>();
    public DbSet<HolderSurveyLink> HolderSurveyLinks => Set<HolderSurveyLink>();
    public DbSet<CandidateDocument> CandidateDocuments => Set<CandidateDocument>();
    public DbSet<LibraryDocument> LibraryDocuments => Set<LibraryDocument>();
    public DbSet<ContentRevision> ContentRevisions => Set<ContentRevision>();
    public DbSet<ReportRun> ReportRuns => Set<ReportRun>();
    public DbSet<ReportRunFile> ReportRunFiles => Set<ReportRunFile>();
    public DbSet<SentNotification> SentNotifications => Set<SentNotification>();
    public DbSet<Positioning> Positionings => Set<Positioning>();
    public DbSet<PositioningEntry> PositioningEntries => Set<PositioningEntry>();
    public DbSet<TrainingPath> TrainingPaths => Set<TrainingPath>();
    public DbSet<TrainingPathUnit> TrainingPathUnits => Set<TrainingPathUnit>();
    public DbSet<TrainingAttendance> TrainingAttendances => Set<TrainingAttendance>();
    public DbSet<Booklet> Booklets => Set<Booklet>();
    public DbSet<BookletJob> BookletJobs => Set<BookletJob>();
    public DbSet<BookletDocument> BookletDocuments => Set<BookletDocument>();
    public DbSet<BookletSituation> BookletSituations => Set<BookletSituation>();
    public DbSet<BookletEvent> BookletEvents => Set<BookletEvent>();
    /// <summary>Erasure requests and the retention job's erasures (« Effacements »).</summary>
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("unaccent"); // staff's searches ignore accents (« helene » finds « Hélène »)
        builder.ApplyConfigurationsFromAssembly(typeof(CqpDbContext).Assembly);
    }
}
