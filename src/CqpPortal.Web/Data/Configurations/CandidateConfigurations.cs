using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CqpPortal.Web.Data.Configurations;

public sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.Phone).HasMaxLength(30);
        builder.HasIndex(c => c.UserId).IsUnique();
        // The imports find a person by name, first name and birth date.
        builder.HasIndex(c => new { c.LastName, c.FirstName, c.BirthDate });
        builder.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Company).WithMany(co => co.Employees).HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(c => c.FullName);
    }
}

public sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Siret).HasMaxLength(14).IsFixedLength();
        builder.HasIndex(c => c.Siret).IsUnique();
        builder.Property(c => c.City).HasMaxLength(100);
    }
}

public sealed class CompanyManagerConfiguration : IEntityTypeConfiguration<CompanyManager>
{
    public void Configure(EntityTypeBuilder<CompanyManager> builder)
    {
        builder.HasIndex(m => new { m.UserId, m.CompanyId }).IsUnique();
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId);
        builder.HasOne(m => m.Company).WithMany(c => c.Managers).HasForeignKey(m => m.CompanyId);
    }
}

public sealed class CandidateDocumentConfiguration : IEntityTypeConfiguration<CandidateDocument>
{
    public void Configure(EntityTypeBuilder<CandidateDocument> builder)
    {
        builder.HasOne(d => d.Candidate).WithMany().HasForeignKey(d => d.CandidateId);
        builder.HasOne<Registration>().WithMany().HasForeignKey(d => d.RegistrationId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(100);
    }
}
