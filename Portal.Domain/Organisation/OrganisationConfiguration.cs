using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Organisation;

namespace Portal.Domain.Organisation;

internal sealed class RolloutWaveConfiguration : IEntityTypeConfiguration<RolloutWave>
{
    public void Configure(EntityTypeBuilder<RolloutWave> b)
    {
        b.HasIndex(w => w.Number).IsUnique();
        b.Property(w => w.Name).HasMaxLength(TextLength.Name);
        b.Property(w => w.CircularNo).HasMaxLength(RolloutWave.MaxCircularNoLength);
    }
}

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> b)
    {
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Code).HasMaxLength(2);
        b.Property(p => p.NameFa).HasMaxLength(100);
        b.Property(p => p.NameEn).HasMaxLength(100);
        b.HasOne(p => p.RolloutWave).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        // One table; the CLR subtype is EF's own discriminator, since most kinds share the base type.
        b.HasDiscriminator<string>("Type").HasValue<OrgUnit>("Unit").HasValue<Agency>("Agency").HasValue<MedicalCenter>("MedicalCenter");
        b.Property<string>("Type").HasMaxLength(20);
        b.HasIndex(u => u.Code).IsUnique();
        b.HasIndex(u => new { u.ProvinceId, u.Kind });
        b.Property(u => u.Code).HasMaxLength(20);
        b.Property(u => u.Name).HasMaxLength(TextLength.Name);
        b.Property(u => u.City).HasMaxLength(Agencies.AgencyProfileForm.MaxCityLength);
        b.Property(u => u.Address).HasMaxLength(TextLength.Address);
        b.Property(u => u.Phone).HasMaxLength(20);
        b.HasIndex(u => u.SearchText);
        b.Property(u => u.HeadName).HasMaxLength(TextLength.Name);
        b.HasOne(u => u.Province).WithMany().OnDelete(DeleteBehavior.Restrict);
        b.HasOne(u => u.Parent).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
