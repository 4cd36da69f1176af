using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CqpPortal.Web.Data.Configurations;

public sealed class CertificationConfiguration : IEntityTypeConfiguration<Certification>
{
    public void Configure(EntityTypeBuilder<Certification> builder)
    {
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.Branch).HasMaxLength(200);
        builder.Property(c => c.Idcc).HasMaxLength(10);
        builder.ComplexProperty(c => c.Prerequisites);
        builder.HasMany(c => c.Units).WithOne(u => u.Certification).HasForeignKey(u => u.CertificationId);
    }
}

public sealed class CertificationUnitConfiguration : IEntityTypeConfiguration<CertificationUnit>
{
    public void Configure(EntityTypeBuilder<CertificationUnit> builder)
    {
        builder.HasIndex(u => new { u.CertificationId, u.Number }).IsUnique();
        builder.Property(u => u.Title).HasMaxLength(300);
        builder.HasMany(u => u.Activities).WithOne(a => a.Unit).HasForeignKey(a => a.UnitId);
        builder.HasMany(u => u.Competences).WithOne(c => c.Unit).HasForeignKey(c => c.UnitId);
    }
}

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.HasIndex(a => new { a.UnitId, a.Code }).IsUnique();
        builder.Property(a => a.Code).HasMaxLength(20);
    }
}

public sealed class CompetenceConfiguration : IEntityTypeConfiguration<Competence>
{
    public void Configure(EntityTypeBuilder<Competence> builder)
    {
        builder.HasIndex(c => new { c.UnitId, c.Code }).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(20);
        builder.HasOne(c => c.Activity).WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.SetNull);
    }
}
