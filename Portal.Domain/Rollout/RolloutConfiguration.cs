using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Common;
using Portal.Domain.Rollout;

namespace Portal.Domain.Rollout;

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        // A supplementary session's place is the agency's name and address.
        b.Property(s => s.Place).HasMaxLength(TextLength.Name + TextLength.Address);
        b.Property(s => s.Trainer).HasMaxLength(TextLength.Name);
        b.HasOne(s => s.ReviewOffice).WithMany().HasForeignKey(s => s.ReviewOfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Agency).WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Attendees).WithOne(a => a.Session).HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ProvinceId, s.Date });
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> b)
    {
        b.HasOne(a => a.Representative).WithMany().HasForeignKey(a => a.RepresentativeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.SessionId, a.RepresentativeId }).IsUnique();
        b.HasIndex(a => new { a.RepresentativeId, a.Attended });
    }
}

internal sealed class ToolDeploymentConfiguration : IEntityTypeConfiguration<ToolDeployment>
{
    public void Configure(EntityTypeBuilder<ToolDeployment> b)
    {
        b.Property(t => t.RecordedBy).HasMaxLength(256);
        b.HasOne(t => t.Agency).WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => t.AgencyId);
    }
}
