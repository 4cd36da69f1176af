using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CqpPortal.Web.Data.Configurations;

public sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public const int ReasonLength = 1000;

    public void Configure(EntityTypeBuilder<ErasureRequest> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(ReasonLength);
        builder.Property(e => e.Outcome).HasMaxLength(4000);
        builder.HasIndex(e => new { e.State, e.RequestedAt });
        builder.HasOne(e => e.Candidate).WithMany().HasForeignKey(e => e.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}
