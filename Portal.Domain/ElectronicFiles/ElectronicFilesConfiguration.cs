using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Domain.Organisation;

namespace Portal.Domain.ElectronicFiles;

internal sealed class TechnicalFileConfiguration : IEntityTypeConfiguration<TechnicalFile>
{
    public void Configure(EntityTypeBuilder<TechnicalFile> b)
    {
        b.Property(f => f.Number).HasMaxLength(40);
        b.Property(f => f.NationalId).HasMaxLength(InsuredPerson.ForeignNumberLength);
        b.Property(f => f.PersonName).HasMaxLength(TextLength.Name);
        b.Property(f => f.ShelfRow).HasMaxLength(ShelfLocation.MaxLength);
        b.Property(f => f.ShelfNumber).HasMaxLength(ShelfLocation.MaxLength);
        b.Property(f => f.ShelfBox).HasMaxLength(ShelfLocation.MaxLength);
        b.Property(f => f.OutOfTurnNote).HasMaxLength(TechnicalFile.NoteMaxLength);
        b.Property(f => f.RequestedBy).HasMaxLength(256);
        b.Property(f => f.LastStepBy).HasMaxLength(256);
        b.Property(f => f.ScannedBy).HasMaxLength(256);
        b.Property(f => f.OutOfTurnBy).HasMaxLength(256);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(f => f.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InsuredPerson>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(f => f.Steps).WithOne().HasForeignKey(s => s.FileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(f => f.Workers).WithOne().HasForeignKey(w => w.FileId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(f => f.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(f => f.Workers).UsePropertyAccessMode(PropertyAccessMode.Field);
        // One technical file per insured person; numbers unique in the portal, also when two clerks register at once.
        b.HasIndex(f => f.NationalId).IsUnique();
        b.HasIndex(f => f.Number).IsUnique();
        b.HasIndex(f => new { f.BranchId, f.Sequence }).IsUnique();
        // The queue: a branch's files not yet done, out of turn first, then oldest request first.
        b.HasIndex(f => new { f.BranchId, f.LastStep, f.OutOfTurn, f.RequestedAt });
        b.HasIndex(f => f.ProvinceId);
        b.HasIndex(f => f.PersonId);
    }
}

internal sealed class ScanStepConfiguration : IEntityTypeConfiguration<ScanStep>
{
    public void Configure(EntityTypeBuilder<ScanStep> b)
    {
        b.Property(s => s.By).HasMaxLength(256);
        b.Property(s => s.Note).HasMaxLength(TechnicalFile.NoteMaxLength + 200);
        b.HasIndex(s => new { s.FileId, s.At });
        b.HasIndex(s => new { s.By, s.Kind, s.At });
    }
}

internal sealed class FileWorkerConfiguration : IEntityTypeConfiguration<FileWorker>
{
    public void Configure(EntityTypeBuilder<FileWorker> b)
    {
        b.HasKey(w => new { w.FileId, w.UnitId });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(w => w.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(w => w.UnitId);
    }
}

internal sealed class TechnicalFileCounterConfiguration : IEntityTypeConfiguration<TechnicalFileCounter>
{
    public void Configure(EntityTypeBuilder<TechnicalFileCounter> b)
    {
        b.ToTable("TechnicalFileCounters");
        b.HasKey(c => c.BranchId);
        b.Property(c => c.BranchId).ValueGeneratedNever();
    }
}

internal sealed class DocumentGroupConfiguration : IEntityTypeConfiguration<DocumentGroup>
{
    public void Configure(EntityTypeBuilder<DocumentGroup> b)
    {
        b.Property(g => g.Code).HasMaxLength(TextLength.Code);
        b.Property(g => g.Name).HasMaxLength(TextLength.Name);
        b.HasIndex(g => g.Code).IsUnique();
    }
}

internal sealed class DocumentTypeConfiguration : IEntityTypeConfiguration<DocumentType>
{
    public void Configure(EntityTypeBuilder<DocumentType> b)
    {
        b.Property(t => t.Code).HasMaxLength(TextLength.Code);
        b.Property(t => t.Name).HasMaxLength(TextLength.Name);
        b.HasOne(t => t.Group).WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => t.Code).IsUnique();
        b.HasIndex(t => t.GroupId);
    }
}

internal sealed class ScannedDocumentConfiguration : IEntityTypeConfiguration<ScannedDocument>
{
    public void Configure(EntityTypeBuilder<ScannedDocument> b)
    {
        b.Property(d => d.Title).HasMaxLength(ScannedDocument.TitleMaxLength);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.ScannedBy).HasMaxLength(256);
        b.Property(d => d.VerifiedBy).HasMaxLength(256);
        b.Property(d => d.RefusedBy).HasMaxLength(256);
        b.Property(d => d.RefusalReason).HasMaxLength(ScannedDocument.RefusalMaxLength);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne(d => d.File).WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Type).WithMany().HasForeignKey(d => d.TypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.FileId, d.ScannedAt });
        b.HasIndex(d => d.TypeId);
        b.HasIndex(d => d.Sha256);
        b.HasIndex(d => new { d.ScannedByUnitId, d.VerifiedAt });
    }
}
