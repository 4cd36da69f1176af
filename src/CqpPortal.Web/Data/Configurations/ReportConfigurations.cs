using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CqpPortal.Web.Data.Configurations;

public sealed class ReportRunConfiguration : IEntityTypeConfiguration<ReportRun>
{
    public void Configure(EntityTypeBuilder<ReportRun> builder)
    {
        builder.Property(r => r.Kind).HasMaxLength(50);
        builder.Property(r => r.RequestedByName).HasMaxLength(200);
        builder.Property(r => r.DedupeKey).HasMaxLength(100);
        builder.Property(r => r.ProgressStep).HasMaxLength(200);
        builder.Property(r => r.ErrorMessage).HasMaxLength(1000);
        builder.HasIndex(r => r.DedupeKey).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
        builder.HasOne(r => r.Session).WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Certification>().WithMany().HasForeignKey(r => r.CertificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Identity.PortalUser>().WithMany().HasForeignKey(r => r.RequestedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.ReportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReportRunFileConfiguration : IEntityTypeConfiguration<ReportRunFile>
{
    public void Configure(EntityTypeBuilder<ReportRunFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(200);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.HasIndex(f => new { f.ReportRunId, f.FileName }).IsUnique();
    }
}
