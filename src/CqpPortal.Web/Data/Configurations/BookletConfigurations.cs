using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CqpPortal.Web.Data.Configurations;

public sealed class BookletConfiguration : IEntityTypeConfiguration<Booklet>
{
    public void Configure(EntityTypeBuilder<Booklet> builder)
    {
        builder.HasOne(b => b.Registration).WithMany().HasForeignKey(b => b.RegistrationId);
        builder.HasIndex(b => new { b.RegistrationId, b.Kind }).IsUnique();
        builder.HasIndex(b => b.State);
        builder.Ignore(b => b.IsEditable);
        // Two tabs or two staff saving at once: the second write fails instead of overwriting the first.
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasMany(b => b.Jobs).WithOne().HasForeignKey(j => j.BookletId);
        builder.HasMany(b => b.Documents).WithOne(d => d.Booklet).HasForeignKey(d => d.BookletId);
        builder.HasMany(b => b.Situations).WithOne().HasForeignKey(s => s.BookletId);
        builder.HasMany(b => b.History).WithOne().HasForeignKey(e => e.BookletId);
    }
}

public sealed class BookletJobConfiguration : IEntityTypeConfiguration<BookletJob>
{
    public void Configure(EntityTypeBuilder<BookletJob> builder)
    {
        builder.Property(j => j.Employer).HasMaxLength(200);
        builder.Property(j => j.JobTitle).HasMaxLength(200);
        builder.Property(j => j.MainActivities).HasMaxLength(4000);
    }
}

public sealed class BookletDocumentConfiguration : IEntityTypeConfiguration<BookletDocument>
{
    public void Configure(EntityTypeBuilder<BookletDocument> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(120);
        builder.Property(d => d.ContentType).HasMaxLength(50);
        builder.HasOne(d => d.Activity).WithMany().HasForeignKey(d => d.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BookletSituationConfiguration : IEntityTypeConfiguration<BookletSituation>
{
    public void Configure(EntityTypeBuilder<BookletSituation> builder)
    {
        builder.HasOne(s => s.Activity).WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.BookletId, s.ActivityId });
        foreach (var text in new[] { nameof(BookletSituation.Context), nameof(BookletSituation.Actions), nameof(BookletSituation.Tools), nameof(BookletSituation.Result) })
            builder.Property(text).HasMaxLength(8000);
    }
}
