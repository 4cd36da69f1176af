using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CqpPortal.Web.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserEmail).HasMaxLength(256);
        builder.Property(e => e.Role).HasMaxLength(200);
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Method).HasMaxLength(10);
        builder.Property(e => e.Path).HasMaxLength(400);
        builder.Property(e => e.Handler).HasMaxLength(60);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(400);
        // The journal's searches: newest first, by day range, by file number.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.RegistrationId);
    }
}
