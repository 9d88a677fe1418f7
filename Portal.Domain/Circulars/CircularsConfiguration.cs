using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Circulars;
using Portal.Domain.Organisation;

namespace Portal.Domain.Circulars;

internal sealed class CircularConfiguration : IEntityTypeConfiguration<Circular>
{
    public void Configure(EntityTypeBuilder<Circular> b)
    {
        b.Property(c => c.Title).HasMaxLength(Circular.TitleMaxLength);
        b.Property(c => c.Number).HasMaxLength(Circular.NumberMaxLength);
        b.Property(c => c.FileName).HasMaxLength(255);
        b.Property(c => c.ContentType).HasMaxLength(100);
        b.Property(c => c.Sha256).HasMaxLength(64);
        b.Property(c => c.UploadedBy).HasMaxLength(256);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.ReviewOfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Recipients).WithOne().HasForeignKey(r => r.CircularId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Recipients).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(c => new { c.ReviewOfficeId, c.UploadedAt });
        b.HasIndex(c => new { c.ProvinceId, c.UploadedAt });
    }
}

internal sealed class CircularRecipientConfiguration : IEntityTypeConfiguration<CircularRecipient>
{
    public void Configure(EntityTypeBuilder<CircularRecipient> b)
    {
        b.Property(r => r.OpenedBy).HasMaxLength(256);
        b.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Province>().WithMany().HasForeignKey(r => r.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.CircularId, r.AgencyId }).IsUnique();
        // An agency's inbox and its unread count.
        b.HasIndex(r => new { r.AgencyId, r.OpenedAt });
    }
}
