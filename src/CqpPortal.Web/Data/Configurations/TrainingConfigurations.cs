using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CqpPortal.Web.Data.Configurations;

public sealed class PositioningConfiguration : IEntityTypeConfiguration<Positioning>
{
    public void Configure(EntityTypeBuilder<Positioning> builder)
    {
        builder.HasOne(p => p.Registration).WithMany(r => r.Positionings).HasForeignKey(p => p.RegistrationId);
        builder.HasIndex(p => new { p.RegistrationId, p.Side }).IsUnique();
        builder.Property(p => p.FilledByUserId).HasMaxLength(450);
        builder.Property(p => p.TutorName).HasMaxLength(200);
        builder.Property(p => p.Comment).HasMaxLength(2000);
        builder.HasMany(p => p.Entries).WithOne().HasForeignKey(e => e.PositioningId);
    }
}

public sealed class PositioningEntryConfiguration : IEntityTypeConfiguration<PositioningEntry>
{
    public void Configure(EntityTypeBuilder<PositioningEntry> builder)
    {
        builder.HasOne(e => e.Competence).WithMany().HasForeignKey(e => e.CompetenceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.PositioningId, e.CompetenceId }).IsUnique();
        builder.Property(e => e.Comment).HasMaxLength(1000);
    }
}

public sealed class TrainingPathConfiguration : IEntityTypeConfiguration<TrainingPath>
{
    public void Configure(EntityTypeBuilder<TrainingPath> builder)
    {
        builder.HasOne(p => p.Registration).WithMany(r => r.TrainingPaths).HasForeignKey(p => p.RegistrationId);
        builder.HasIndex(p => new { p.RegistrationId, p.Version }).IsUnique();
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450);
        builder.Property(p => p.CompanySignedByUserId).HasMaxLength(450);
        builder.Property(p => p.OrganisationSignedByUserId).HasMaxLength(450);
        builder.Property(p => p.EvaluationWaiverByUserId).HasMaxLength(450);
        builder.Property(p => p.Objectives).HasMaxLength(2000);
        builder.Property(p => p.ReducedHoursReason).HasMaxLength(1000);
        builder.Property(p => p.EvaluationWaiverReason).HasMaxLength(1000);
        builder.HasMany(p => p.Units).WithOne().HasForeignKey(u => u.TrainingPathId);
    }
}

public sealed class TrainingPathUnitConfiguration : IEntityTypeConfiguration<TrainingPathUnit>
{
    public void Configure(EntityTypeBuilder<TrainingPathUnit> builder)
    {
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.TrainingPathId, u.UnitId }).IsUnique();
    }
}

public sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> builder)
    {
        builder.HasOne(a => a.SessionEnrolment).WithMany(e => e.HalfDays).HasForeignKey(a => a.SessionEnrolmentId);
        builder.HasIndex(a => new { a.SessionEnrolmentId, a.HalfDay }).IsUnique();
        builder.Property(a => a.Hours).HasPrecision(4, 2);
        builder.Property(a => a.RecordedByUserId).HasMaxLength(450);
    }
}
