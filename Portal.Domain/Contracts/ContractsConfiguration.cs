using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Common;
using Portal.Domain.Contracts;

namespace Portal.Domain.Contracts;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.Property(c => c.Number).HasMaxLength(20);
        b.Property(c => c.VerificationCode).HasMaxLength(VerificationCodes.Length);
        b.Property(c => c.PdfSha256).HasMaxLength(64);
        b.Property(c => c.ScanSha256).HasMaxLength(64);
        b.Property(c => c.TerminationReason).HasMaxLength(Contract.ReasonMaxLength);
        b.Property(c => c.LateIssueReason).HasMaxLength(TextLength.Reason);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.IssuedBy).HasMaxLength(256);
        b.Property(c => c.SignedBy).HasMaxLength(256);
        b.Property(c => c.ActivatedBy).HasMaxLength(256);
        b.Property(c => c.TerminatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Template).WithMany().HasForeignKey(c => c.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contract>().WithMany().HasForeignKey(c => c.RenewsId).OnDelete(DeleteBehavior.Restrict);
        // No two contracts in the country share a number, also when two offices issue at the same moment.
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => new { c.ProvinceId, c.NumberYear, c.NumberSequence }).IsUnique();
        b.HasIndex(c => c.VerificationCode).IsUnique();
        b.HasIndex(c => new { c.AgencyId, c.Status });
        b.HasIndex(c => c.BatchId);
        b.HasIndex(c => c.RenewsId);
    }
}

internal sealed class ContractTemplateConfiguration : IEntityTypeConfiguration<ContractTemplate>
{
    public void Configure(EntityTypeBuilder<ContractTemplate> b)
    {
        b.Property(t => t.Body).HasMaxLength(ContractTemplate.BodyMaxLength);
        b.Property(t => t.Note).HasMaxLength(ContractTemplate.NoteMaxLength);
        b.Property(t => t.CreatedBy).HasMaxLength(256);
        b.HasIndex(t => t.Version).IsUnique();
    }
}

internal sealed class ContractCounterConfiguration : IEntityTypeConfiguration<ContractCounter>
{
    public void Configure(EntityTypeBuilder<ContractCounter> b)
    {
        b.ToTable("ContractCounters");
        b.HasKey(c => new { c.ProvinceId, c.Year });
    }
}
