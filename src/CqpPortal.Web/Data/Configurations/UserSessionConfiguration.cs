using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CqpPortal.Web.Data.Configurations;

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public const int UserAgentLength = 300;

    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.KeyHash).HasMaxLength(32);
        builder.HasIndex(s => s.KeyHash).IsUnique();
        builder.Property(s => s.UserAgent).HasMaxLength(UserAgentLength);
        builder.Property(s => s.IpAddress).HasMaxLength(64);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasOne<Identity.PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
