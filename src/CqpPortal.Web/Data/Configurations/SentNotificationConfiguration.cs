using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CqpPortal.Web.Data.Configurations;

public sealed class SentNotificationConfiguration : IEntityTypeConfiguration<SentNotification>
{
    public void Configure(EntityTypeBuilder<SentNotification> builder)
    {
        builder.Property(n => n.Key).HasMaxLength(200);
        builder.HasIndex(n => n.Key).IsUnique();
    }
}
