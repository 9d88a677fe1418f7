using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Eligibility;
using Portal.Domain.Organisation;

namespace Portal.Domain.Eligibility;

internal sealed class InsuredPersonConfiguration : IEntityTypeConfiguration<InsuredPerson>
{
    public void Configure(EntityTypeBuilder<InsuredPerson> b)
    {
        b.Property(p => p.NationalId).HasMaxLength(InsuredPerson.ForeignNumberLength);
        b.Property(p => p.FirstName).HasMaxLength(100);
        b.Property(p => p.LastName).HasMaxLength(100);
        b.HasIndex(p => p.NationalId).IsUnique();
        b.HasIndex(p => p.PrincipalId);
        b.HasOne(p => p.Principal).WithMany().HasForeignKey(p => p.PrincipalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Premiums).WithOne().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Mobiles).WithOne().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PremiumMonthConfiguration : IEntityTypeConfiguration<PremiumMonth>
{
    // The key (person, month) is also the index the inquiry reads a person's window by.
    public void Configure(EntityTypeBuilder<PremiumMonth> b) => b.HasKey(m => new { m.PersonId, m.Period });
}

internal sealed class RegisteredMobileConfiguration : IEntityTypeConfiguration<RegisteredMobile>
{
    public void Configure(EntityTypeBuilder<RegisteredMobile> b)
    {
        b.HasKey(m => new { m.PersonId, m.Mobile });
        b.Property(m => m.Mobile).HasMaxLength(11);
    }
}

internal sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> b)
    {
        b.Ignore(i => i.TrackingCode);
        b.Property(i => i.Requester).HasMaxLength(256);
        b.Property(i => i.NationalId).HasMaxLength(InsuredPerson.ForeignNumberLength);
        // The reports group by day within a province or a centre.
        b.HasIndex(i => new { i.ProvinceId, i.Day });
        b.HasIndex(i => new { i.CentreId, i.Day });
        b.HasIndex(i => i.Day);
    }
}

internal sealed class InquiryApiKeyConfiguration : IEntityTypeConfiguration<InquiryApiKey>
{
    public void Configure(EntityTypeBuilder<InquiryApiKey> b)
    {
        b.Property(k => k.Prefix).HasMaxLength(12);
        b.Property(k => k.Hash).HasMaxLength(64).IsFixedLength();
        b.Property(k => k.IssuedBy).HasMaxLength(256);
        b.HasIndex(k => k.Hash).IsUnique();
        b.HasOne<MedicalCenter>().WithMany().HasForeignKey(k => k.CentreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.Property(o => o.TrackingCode).HasMaxLength(TrackingCode.Length).IsFixedLength();
        b.Property(o => o.Description).HasMaxLength(Objection.DescriptionMaxLength);
        b.Property(o => o.Decision).HasMaxLength(Objection.DecisionMaxLength);
        b.Property(o => o.CallerPhone).HasMaxLength(11);
        foreach (var by in new[] { nameof(Objection.RecordedBy), nameof(Objection.ReviewStartedBy), nameof(Objection.DecidedBy), nameof(Objection.ClosedBy) })
            b.Property<string?>(by).HasMaxLength(256);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne<Inquiry>().WithMany().HasForeignKey(o => o.InquiryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.TrackingCode);
        b.HasIndex(o => new { o.Status, o.Id });
    }
}
