using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CqpPortal.Web.Data.Configurations;

public sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.HasOne(r => r.Candidate).WithMany(c => c.Registrations).HasForeignKey(r => r.CandidateId);
        builder.HasOne(r => r.Certification).WithMany().HasForeignKey(r => r.CertificationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.HighestDiploma).HasMaxLength(200);
        builder.Property(r => r.OtherSector).HasMaxLength(Domain.Registrations.ExperienceSectors.OtherTextMaxLength);
        builder.Property(r => r.EmployerName).HasMaxLength(200);
        builder.Property(r => r.EmployerSiret).HasMaxLength(14);
        builder.Ignore(r => r.IsEditableByCandidate);
        builder.HasIndex(r => r.State);
        builder.HasIndex(r => r.RegisteredOn);
        builder.HasMany(r => r.History).WithOne().HasForeignKey(h => h.RegistrationId);
        builder.Property(r => r.EnteredByStaffUserId).HasMaxLength(450);
        builder.HasMany(r => r.Proofs).WithOne().HasForeignKey(p => p.RegistrationId);
        builder.HasMany(r => r.DocumentRequests).WithOne().HasForeignKey(d => d.RegistrationId);
    }
}

public sealed class RegistrationProofConfiguration : IEntityTypeConfiguration<RegistrationProof>
{
    public void Configure(EntityTypeBuilder<RegistrationProof> builder)
    {
        builder.Property(p => p.FileName).HasMaxLength(200);
        builder.Property(p => p.ContentType).HasMaxLength(100);
        builder.Property(p => p.UploadedByUserId).HasMaxLength(450);
        builder.HasOne(p => p.DocumentRequest).WithMany(d => d.Proofs).HasForeignKey(p => p.DocumentRequestId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class DocumentRequestConfiguration : IEntityTypeConfiguration<DocumentRequest>
{
    public void Configure(EntityTypeBuilder<DocumentRequest> builder)
    {
        builder.Property(d => d.Label).HasMaxLength(200);
        builder.Property(d => d.RequestedByUserId).HasMaxLength(450);
    }
}

public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.HasOne(s => s.Certification).WithMany().HasForeignKey(s => s.CertificationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.PlaceName).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(300);
        builder.Property(s => s.PostalCode).HasMaxLength(10);
        builder.Property(s => s.City).HasMaxLength(100);
        builder.HasIndex(s => s.StartsAt);
        builder.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.ModuleTitle).HasMaxLength(200);
        builder.Property(s => s.TrainerUserId).HasMaxLength(450);
        builder.HasIndex(s => s.TrainerUserId);
        builder.Property(s => s.Room).HasMaxLength(100);
    }
}

public sealed class SessionEnrolmentConfiguration : IEntityTypeConfiguration<SessionEnrolment>
{
    public void Configure(EntityTypeBuilder<SessionEnrolment> builder)
    {
        builder.HasOne(e => e.Session).WithMany(s => s.Enrolments).HasForeignKey(e => e.SessionId);
        builder.HasOne(e => e.Registration).WithMany(r => r.Enrolments).HasForeignKey(e => e.RegistrationId);
        builder.HasIndex(e => new { e.SessionId, e.RegistrationId }).IsUnique();
        builder.Property(e => e.EnrolledByUserId).HasMaxLength(450);
    }
}

public sealed class JuryDecisionConfiguration : IEntityTypeConfiguration<JuryDecision>
{
    public void Configure(EntityTypeBuilder<JuryDecision> builder)
    {
        builder.HasOne(j => j.Registration).WithMany(r => r.JuryDecisions).HasForeignKey(j => j.RegistrationId);
        builder.HasOne(j => j.Session).WithMany().HasForeignKey(j => j.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(j => j.UnitResults).WithOne().HasForeignKey(u => u.JuryDecisionId);
        builder.HasIndex(j => j.DecidedOn);
    }
}

public sealed class JuryUnitResultConfiguration : IEntityTypeConfiguration<JuryUnitResult>
{
    public void Configure(EntityTypeBuilder<JuryUnitResult> builder)
    {
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.JuryDecisionId, u.UnitId }).IsUnique();
    }
}

public sealed class JurySessionMemberConfiguration : IEntityTypeConfiguration<JurySessionMember>
{
    public void Configure(EntityTypeBuilder<JurySessionMember> builder)
    {
        builder.HasOne(m => m.Session).WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Identity.PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.SessionId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
    }
}

public sealed class HolderSurveyConfiguration : IEntityTypeConfiguration<HolderSurvey>
{
    public void Configure(EntityTypeBuilder<HolderSurvey> builder)
    {
        builder.HasOne(s => s.Registration).WithMany(r => r.Surveys).HasForeignKey(s => s.RegistrationId);
        builder.HasIndex(s => new { s.RegistrationId, s.Wave }).IsUnique();
        builder.Property(s => s.JobTitle).HasMaxLength(200);
        builder.Property(s => s.NsfCode).HasMaxLength(10);
        builder.Property(s => s.Company).HasMaxLength(200);
        builder.Property(s => s.RecordedByUserId).HasMaxLength(450);
        builder.HasIndex(s => s.RespondedOn);
    }
}

public sealed class HolderSurveyLinkConfiguration : IEntityTypeConfiguration<HolderSurveyLink>
{
    public void Configure(EntityTypeBuilder<HolderSurveyLink> builder)
    {
        builder.HasOne(l => l.Survey).WithMany(s => s.Links).HasForeignKey(l => l.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.SurveyId);
    }
}
