using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CqpPortal.Web.Data.Configurations;

public sealed class EvaluatorConfiguration : IEntityTypeConfiguration<Evaluator>
{
    public void Configure(EntityTypeBuilder<Evaluator> builder)
    {
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => e.UserId).IsUnique();
        builder.Property(e => e.FullName).HasMaxLength(200);
        builder.Property(e => e.Email).HasMaxLength(256);
        builder.Property(e => e.Phone).HasMaxLength(30);
        builder.Property(e => e.Organisation).HasMaxLength(200);
        builder.HasMany(e => e.Habilitations).WithOne(h => h.Evaluator).HasForeignKey(h => h.EvaluatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Links).WithOne().HasForeignKey(l => l.EvaluatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvaluatorHabilitationConfiguration : IEntityTypeConfiguration<EvaluatorHabilitation>
{
    public void Configure(EntityTypeBuilder<EvaluatorHabilitation> builder)
    {
        builder.HasOne(h => h.Certification).WithMany().HasForeignKey(h => h.CertificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.EvaluatorId, h.CertificationId }).IsUnique();
        builder.Property(h => h.Reason).HasMaxLength(1000);
        builder.HasMany(h => h.History).WithOne().HasForeignKey(e => e.HabilitationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvaluatorHabilitationEventConfiguration : IEntityTypeConfiguration<EvaluatorHabilitationEvent>
{
    public void Configure(EntityTypeBuilder<EvaluatorHabilitationEvent> builder) => builder.Property(e => e.Reason).HasMaxLength(1000);
}

public sealed class EvaluatorLinkConfiguration : IEntityTypeConfiguration<EvaluatorLink>
{
    public void Configure(EntityTypeBuilder<EvaluatorLink> builder)
    {
        builder.HasOne(l => l.Candidate).WithMany().HasForeignKey(l => l.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Company).WithMany().HasForeignKey(l => l.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Note).HasMaxLength(500);
        builder.HasIndex(l => l.CandidateId);
        builder.HasIndex(l => l.CompanyId);
    }
}

public sealed class SessionEvaluatorConfiguration : IEntityTypeConfiguration<SessionEvaluator>
{
    public void Configure(EntityTypeBuilder<SessionEvaluator> builder)
    {
        builder.HasOne(a => a.Session).WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Evaluator).WithMany().HasForeignKey(a => a.EvaluatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.SessionId, a.Role }).IsUnique();
        builder.HasIndex(a => a.EvaluatorId);
    }
}

public sealed class EvaluationGridConfiguration : IEntityTypeConfiguration<EvaluationGrid>
{
    public void Configure(EntityTypeBuilder<EvaluationGrid> builder)
    {
        builder.HasOne(g => g.Enrolment).WithMany().HasForeignKey(g => g.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.EnrolmentId, g.Version }).IsUnique();
        builder.HasOne<EvaluationGrid>().WithMany().HasForeignKey(g => g.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(g => g.CorrectionReason).HasMaxLength(1000);
        builder.Property(g => g.GeneralObservation).HasMaxLength(4000);
        builder.Ignore(g => g.IsLocked);
        builder.HasMany(g => g.Entries).WithOne().HasForeignKey(e => e.GridId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvaluationGridEntryConfiguration : IEntityTypeConfiguration<EvaluationGridEntry>
{
    public void Configure(EntityTypeBuilder<EvaluationGridEntry> builder)
    {
        builder.HasOne(e => e.Competence).WithMany().HasForeignKey(e => e.CompetenceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.GridId, e.CompetenceId }).IsUnique();
        builder.Property(e => e.Observation).HasMaxLength(2000);
        builder.Property(e => e.CoEvaluatorObservation).HasMaxLength(2000);
    }
}

public sealed class JuryMinutesSignatureConfiguration : IEntityTypeConfiguration<JuryMinutesSignature>
{
    public void Configure(EntityTypeBuilder<JuryMinutesSignature> builder)
    {
        builder.HasOne<Session>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.SessionId, s.UserId }).IsUnique();
    }
}

public sealed class JuryDecisionCorrectionConfiguration : IEntityTypeConfiguration<JuryDecisionCorrection>
{
    public void Configure(EntityTypeBuilder<JuryDecisionCorrection> builder)
    {
        builder.HasOne<JuryDecision>().WithMany(j => j.Corrections).HasForeignKey(c => c.JuryDecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.PreviousComment).HasMaxLength(4000);
    }
}

public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.HasOne(c => c.Registration).WithMany().HasForeignKey(c => c.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.JuryDecision).WithMany().HasForeignKey(c => c.JuryDecisionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.RegistrationId).IsUnique();
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.HolderName).HasMaxLength(200);
    }
}
