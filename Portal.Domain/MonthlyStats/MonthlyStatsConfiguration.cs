using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.MonthlyStats;

namespace Portal.Domain.MonthlyStats;

internal sealed class ClaimCategoryConfiguration : IEntityTypeConfiguration<ClaimCategory>
{
    public void Configure(EntityTypeBuilder<ClaimCategory> b)
    {
        b.Property(c => c.Code).HasMaxLength(20);
        b.Property(c => c.NameFa).HasMaxLength(ClaimCategory.NameMaxLength);
        b.Property(c => c.NameEn).HasMaxLength(ClaimCategory.NameMaxLength);
        b.HasIndex(c => c.Code).IsUnique();
    }
}

internal sealed class MonthlyReportConfiguration : IEntityTypeConfiguration<MonthlyReport>
{
    public void Configure(EntityTypeBuilder<MonthlyReport> b)
    {
        b.Property(r => r.AverageDaysToForward).HasPrecision(5, 1);
        b.Property(r => r.ReturnReason).HasMaxLength(MonthlyReport.ReasonMaxLength);
        b.Property(r => r.ReopenReason).HasMaxLength(MonthlyReport.ReasonMaxLength);
        foreach (var by in new[] { nameof(MonthlyReport.SubmittedBy), nameof(MonthlyReport.AcceptedBy), nameof(MonthlyReport.ReturnedBy),
                     nameof(MonthlyReport.ForwardedBy), nameof(MonthlyReport.ReopenedBy) })
            b.Property<string?>(by).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Month);
        b.Ignore(r => r.Figures);
        b.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReportId).OnDelete(DeleteBehavior.Cascade);
        // One report per agency and month; the worklists and national figures read by month.
        b.HasIndex(r => new { r.AgencyId, r.Period }).IsUnique();
        b.HasIndex(r => new { r.Period, r.ProvinceId, r.Status });
        b.HasIndex(r => new { r.Period, r.ReviewOfficeId });
    }
}

internal sealed class ReportLineConfiguration : IEntityTypeConfiguration<ReportLine>
{
    public void Configure(EntityTypeBuilder<ReportLine> b)
    {
        b.HasOne(l => l.Category).WithMany().HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.ReportId, l.CategoryId }).IsUnique();
    }
}
