using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Common;
using Portal.Domain.Organisation;

namespace Portal.Domain.NetworkOutages;

internal sealed class NetworkOutageConfiguration : IEntityTypeConfiguration<NetworkOutage>
{
    public void Configure(EntityTypeBuilder<NetworkOutage> b)
    {
        b.Property(x => x.Description).HasMaxLength(NetworkOutage.DescriptionMaxLength);
        b.Property(x => x.SupportReference).HasMaxLength(NetworkOutage.ReferenceMaxLength);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.ResolvedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.FollowUps).WithOne().HasForeignKey(f => f.OutageId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.FollowUps).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => new { x.ProvinceId, x.EndedAt });
        b.HasIndex(x => new { x.BranchId, x.StartedAt });
    }
}

internal sealed class OutageFollowUpConfiguration : IEntityTypeConfiguration<OutageFollowUp>
{
    public void Configure(EntityTypeBuilder<OutageFollowUp> b)
    {
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(NetworkOutage.NoteMaxLength);
    }
}
