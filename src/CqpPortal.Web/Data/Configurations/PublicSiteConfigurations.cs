using CqpPortal.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CqpPortal.Web.Data.Configurations;

public sealed class LibraryDocumentConfiguration : IEntityTypeConfiguration<LibraryDocument>
{
    public void Configure(EntityTypeBuilder<LibraryDocument> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Description).HasMaxLength(1000);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.UploadedBy).HasMaxLength(256);
        builder.HasIndex(d => d.UploadedAt);
        builder.HasIndex(d => d.Approval);
        builder.Property(d => d.ReviewedBy).HasMaxLength(256);
        builder.Property(d => d.RefusalReason).HasMaxLength(1000);
    }
}

public sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevision>
{
    public void Configure(EntityTypeBuilder<ContentRevision> builder)
    {
        builder.Property(r => r.Slug).HasMaxLength(80);
        builder.Property(r => r.SavedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.Slug, r.Id });
        builder.HasIndex(r => r.Approval);
        builder.Property(r => r.ReviewedBy).HasMaxLength(256);
        builder.Property(r => r.RefusalReason).HasMaxLength(1000);
    }
}
