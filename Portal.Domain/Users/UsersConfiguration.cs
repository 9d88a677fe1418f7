using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Organisation;

namespace Portal.Domain.Users;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(200);
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.UnitId);
        b.HasIndex(u => u.SearchText);
        b.Property(u => u.NationalId).HasMaxLength(10);
        b.HasIndex(u => u.NationalId);
    }
}

internal sealed class AccountRequestConfiguration : IEntityTypeConfiguration<AccountRequest>
{
    public void Configure(EntityTypeBuilder<AccountRequest> b)
    {
        b.Property(r => r.Note).HasMaxLength(TextLength.Reason);
        b.Property(r => r.RefusalReason).HasMaxLength(TextLength.Reason);
        b.Property(r => r.RequestedBy).HasMaxLength(256);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(r => new { r.ProvinceId, r.Status });
        b.HasIndex(r => r.Status);
    }
}

internal sealed class AccountRequestLineConfiguration : IEntityTypeConfiguration<AccountRequestLine>
{
    public void Configure(EntityTypeBuilder<AccountRequestLine> b)
    {
        b.Property(l => l.FullName).HasMaxLength(TextLength.Name);
        b.Property(l => l.NationalId).HasMaxLength(10);
        b.Property(l => l.Role).HasMaxLength(64);
        b.Property(l => l.Mobile).HasMaxLength(11);
        b.Property(l => l.UserId).HasMaxLength(450);
        b.Property(l => l.UserName).HasMaxLength(256);
        b.Property(l => l.HandedOverBy).HasMaxLength(256);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(l => l.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => l.NationalId);
        b.HasIndex(l => l.UserId);
        b.HasIndex(l => l.ProvinceId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => a.UnitId);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Entity).HasMaxLength(100);
        b.Property(a => a.Key).HasMaxLength(100);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.Entity, a.Key });
    }
}
