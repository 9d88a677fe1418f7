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
        b.Property(d => d.StampedBy).HasMaxLength(256);
        b.Property(d => d.FateBy).HasMaxLength(256);
        // The six-monthly proposal: a branch's mail not yet settled, oldest first.
        b.HasIndex(d => new { d.BranchId, d.Source, d.Fate, d.ScannedAt });
    }
}

internal sealed class KeptOriginalConfiguration : IEntityTypeConfiguration<KeptOriginal>
{
    public void Configure(EntityTypeBuilder<KeptOriginal> b)
    {
        b.HasKey(k => k.DocumentId);
        b.Property(k => k.DocumentId).ValueGeneratedNever();
        b.Property(k => k.RegisterNumber).HasMaxLength(KeptOriginal.RegisterNumberMaxLength);
        b.Property(k => k.FiledBy).HasMaxLength(256);
        b.HasOne<ScannedDocument>().WithOne().HasForeignKey<KeptOriginal>(k => k.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(k => k.BranchId).OnDelete(DeleteBehavior.Restrict);
        // A binder in its order.
        b.HasIndex(k => new { k.BranchId, k.Category, k.Year, k.RegisterDate, k.DocumentId });
        b.HasIndex(k => k.ProvinceId);
    }
}

internal sealed class DestructionListConfiguration : IEntityTypeConfiguration<DestructionList>
{
    public void Configure(EntityTypeBuilder<DestructionList> b)
    {
        b.Property(l => l.ProposedBy).HasMaxLength(256);
        b.Property(l => l.ClosedBy).HasMaxLength(256);
        b.Property(l => l.Witnesses).HasMaxLength(DestructionList.WitnessesMaxLength);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(l => l.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Items).WithOne().HasForeignKey(i => i.ListId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(l => l.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(l => l.Remaining);
        b.HasIndex(l => new { l.BranchId, l.Status });
        b.HasIndex(l => l.ProvinceId);
    }
}

internal sealed class DestructionItemConfiguration : IEntityTypeConfiguration<DestructionItem>
{
    public void Configure(EntityTypeBuilder<DestructionItem> b)
    {
        b.Property(i => i.FileNumber).HasMaxLength(40);
        b.Property(i => i.PersonName).HasMaxLength(TextLength.Name);
        b.Property(i => i.NationalId).HasMaxLength(InsuredPerson.ForeignNumberLength);
        b.Property(i => i.TypeName).HasMaxLength(TextLength.Name);
        b.Property(i => i.WithdrawnBy).HasMaxLength(256);
        b.HasOne<ScannedDocument>().WithMany().HasForeignKey(i => i.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => i.DocumentId);
    }
}
