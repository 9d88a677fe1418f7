using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;

namespace Portal.Domain.OffsetFiles;

internal sealed class DebtorWorkshopConfiguration : IEntityTypeConfiguration<DebtorWorkshop>
{
    public void Configure(EntityTypeBuilder<DebtorWorkshop> b)
    {
        b.Property(w => w.WorkshopCode).HasMaxLength(TextLength.Code);
        b.Property(w => w.EmployerName).HasMaxLength(TextLength.Name);
        b.Property(w => w.EmployerNationalId).HasMaxLength(11);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.Ignore(w => w.Remaining);
        b.HasOne<Province>().WithMany().HasForeignKey(w => w.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(w => w.Assets).WithOne().HasForeignKey(a => a.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(w => new { w.ProvinceId, w.WorkshopCode }).IsUnique();
    }
}

internal sealed class SeizedAssetConfiguration : IEntityTypeConfiguration<SeizedAsset>
{
    public void Configure(EntityTypeBuilder<SeizedAsset> b)
    {
        b.Property(a => a.Description).HasMaxLength(TextLength.Address);
        b.Property(a => a.Reference).HasMaxLength(TextLength.Name);
    }
}

internal sealed class CenterClaimConfiguration : IEntityTypeConfiguration<CenterClaim>
{
    public void Configure(EntityTypeBuilder<CenterClaim> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.Remaining);
        b.HasOne<MedicalCenter>().WithMany().HasForeignKey(c => c.MedicalCenterId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ProvinceId, c.MedicalCenterId });
    }
}

internal sealed class OffsetFileConfiguration : IEntityTypeConfiguration<OffsetFile>
{
    public void Configure(EntityTypeBuilder<OffsetFile> b)
    {
        b.Property(f => f.Title).HasMaxLength(TextLength.Title);
        b.Property(f => f.CreatedBy).HasMaxLength(256);
        b.Property(f => f.SentBy).HasMaxLength(256);
        b.Property(f => f.Number).HasMaxLength(30);
        b.Property(f => f.VerificationCode).HasMaxLength(VerificationCodes.Length);
        b.HasIndex(f => f.VerificationCode).IsUnique();
        foreach (var sha in new[] { nameof(OffsetFile.CoverLetterSha256), nameof(OffsetFile.DebtorsSheetSha256), nameof(OffsetFile.ClaimsSheetSha256) })
            b.Property<string?>(sha).HasMaxLength(64).IsFixedLength();
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasMany(f => f.Debtors).WithOne().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(f => f.Claims).WithOne().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(f => f.Meetings).WithOne().HasForeignKey(m => m.FileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(f => f.Agreements).WithOne().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.ProvinceId, f.Status });
    }
}

internal sealed class OffsetFileDebtorConfiguration : IEntityTypeConfiguration<OffsetFileDebtor>
{
    public void Configure(EntityTypeBuilder<OffsetFileDebtor> b)
    {
        b.ToTable("OffsetFileDebtors");
        b.HasKey(d => new { d.FileId, d.WorkshopId });
        b.HasOne(d => d.Workshop).WithMany().HasForeignKey(d => d.WorkshopId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OffsetFileClaimConfiguration : IEntityTypeConfiguration<OffsetFileClaim>
{
    public void Configure(EntityTypeBuilder<OffsetFileClaim> b)
    {
        b.ToTable("OffsetFileClaims");
        b.HasKey(c => new { c.FileId, c.ClaimId });
        b.HasOne(c => c.Claim).WithMany().HasForeignKey(c => c.ClaimId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OffsetMeetingConfiguration : IEntityTypeConfiguration<OffsetMeeting>
{
    public void Configure(EntityTypeBuilder<OffsetMeeting> b)
    {
        b.ToTable("OffsetMeetings");
        b.Property(m => m.Attendees).HasMaxLength(TextLength.Reason);
        b.Property(m => m.Minutes).HasMaxLength(TextLength.Notes);
    }
}

internal sealed class OffsetAgreementConfiguration : IEntityTypeConfiguration<OffsetAgreement>
{
    public void Configure(EntityTypeBuilder<OffsetAgreement> b)
    {
        foreach (var by in new[] { nameof(OffsetAgreement.RecordedBy), nameof(OffsetAgreement.InsuranceConfirmedBy), nameof(OffsetAgreement.TreatmentConfirmedBy),
                     nameof(OffsetAgreement.AmendedBy), nameof(OffsetAgreement.WithdrawnBy) })
            b.Property<string?>(by).HasMaxLength(256);
        b.Property(a => a.AmendReason).HasMaxLength(TextLength.Reason);
        b.Property(a => a.WithdrawReason).HasMaxLength(TextLength.Reason);
        b.Ignore(a => a.Withdrawn);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Agreed);
        b.Ignore(a => a.FullyConfirmed);
        b.HasOne(a => a.Workshop).WithMany().HasForeignKey(a => a.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Claim).WithMany().HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Restrict);
        // One outcome per employer–centre pair of a file.
        b.HasIndex(a => new { a.FileId, a.WorkshopId, a.ClaimId }).IsUnique();
    }
}

internal sealed class SettlementConfiguration : IEntityTypeConfiguration<Settlement>
{
    public void Configure(EntityTypeBuilder<Settlement> b)
    {
        b.Property(s => s.By).HasMaxLength(256);
        b.Property(s => s.Reason).HasMaxLength(TextLength.Reason);
        b.HasOne<OffsetAgreement>().WithMany().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.WorkshopId);
        b.HasIndex(s => s.ClaimId);
        // A posting is reversed at most once.
        b.HasIndex(s => s.Reverses).IsUnique();
    }
}
