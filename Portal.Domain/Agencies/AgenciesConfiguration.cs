using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Agencies;
using Portal.Domain.Common;

namespace Portal.Domain.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.Property(a => a.ManagerName).HasMaxLength(TextLength.Name);
        b.Property(a => a.ManagerNationalId).HasMaxLength(10);
        b.Property(a => a.ManagerMobile).HasMaxLength(11);
        b.Property(a => a.PostalCode).HasMaxLength(10);
        b.Property(a => a.Sheba).HasMaxLength(26);
        b.Property(a => a.BankLetterNo).HasMaxLength(AgencyProfileForm.MaxLetterNoLength);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne(a => a.ReviewOffice).WithMany().HasForeignKey(a => a.ReviewOfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Board).WithOne().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Representatives).WithOne(r => r.Agency).HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Notices).WithOne(n => n.Agency).HasForeignKey(n => n.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BoardMemberConfiguration : IEntityTypeConfiguration<BoardMember>
{
    public void Configure(EntityTypeBuilder<BoardMember> b)
    {
        b.Property(m => m.Name).HasMaxLength(TextLength.Name);
        b.Property(m => m.Position).HasMaxLength(PersonRules.MaxPositionLength);
        b.Property(m => m.NationalId).HasMaxLength(10);
    }
}

internal sealed class RepresentativeConfiguration : IEntityTypeConfiguration<Representative>
{
    public void Configure(EntityTypeBuilder<Representative> b)
    {
        b.Property(r => r.Name).HasMaxLength(TextLength.Name);
        b.Property(r => r.NationalId).HasMaxLength(10);
        b.Property(r => r.Mobile).HasMaxLength(11);
        b.HasIndex(r => new { r.AgencyId, r.RemovedAt });
        b.HasIndex(r => r.SearchText);
    }
}

internal sealed class ChangeNoticeConfiguration : IEntityTypeConfiguration<ChangeNotice>
{
    public void Configure(EntityTypeBuilder<ChangeNotice> b)
    {
        b.Ignore(n => n.Fields); // read from Before and After, field by field
        b.Property(n => n.Before).HasMaxLength(1000);
        b.Property(n => n.After).HasMaxLength(1000);
        b.Property(n => n.RaisedBy).HasMaxLength(256);
        b.Property(n => n.AcknowledgedBy).HasMaxLength(256);
        b.HasIndex(n => new { n.ProvinceId, n.AcknowledgedAt });
        b.Property(n => n.AcknowledgedAt).IsConcurrencyToken(); // two people acknowledging at once: the second is told
    }
}
