using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Common.Files;

internal sealed class FileCheckConfiguration : IEntityTypeConfiguration<FileCheck>
{
    public void Configure(EntityTypeBuilder<FileCheck> b)
    {
        b.HasMany(c => c.Findings).WithOne().HasForeignKey(f => f.FileCheckId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Findings).HasField("_findings");
        b.HasIndex(c => c.StartedAt);
    }
}

internal sealed class FileCheckFindingConfiguration : IEntityTypeConfiguration<FileCheckFinding>
{
    public void Configure(EntityTypeBuilder<FileCheckFinding> b)
    {
        b.Property(f => f.Hash).HasMaxLength(64);
        b.Property(f => f.HeldBy).HasMaxLength(400);
    }
}
