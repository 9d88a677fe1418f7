using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Domain.Organisation;

namespace Portal.Domain.Booklets;

internal sealed class BookletConfiguration : IEntityTypeConfiguration<Booklet>
{
    public void Configure(EntityTypeBuilder<Booklet> b)
    {
        b.Property(x => x.Serial).HasMaxLength(Booklet.SerialLength);
        b.HasIndex(x => x.Serial).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<InsuredPerson>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.IssuedAtBranchId).OnDelete(DeleteBehavior.Restrict);
        // One booklet in use per person: two clerks issuing at once cannot both succeed.
        b.HasIndex(x => x.PersonId).IsUnique().HasFilter("\"ReplacedAt\" IS NULL");
        b.Ignore(x => x.InUse);
    }
}

internal sealed class BookletServiceConfiguration : IEntityTypeConfiguration<BookletService>
{
    public void Configure(EntityTypeBuilder<BookletService> b)
    {
        b.Property(x => x.NationalId).HasMaxLength(InsuredPerson.ForeignNumberLength);
        b.Property(x => x.PersonName).HasMaxLength(TextLength.Name);
        b.Property(x => x.BookletSerial).HasMaxLength(Booklet.SerialLength);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.VerificationCode).HasMaxLength(VerificationCodes.Length);
        b.Property(x => x.CorrectedBy).HasMaxLength(256);
        b.Property(x => x.CorrectionReason).HasMaxLength(TextLength.Reason);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Done);
        // The report reads a month (or a range) by province, branch and type, and the waits, from this index alone.
        b.HasIndex(x => new { x.Month, x.ProvinceId, x.BranchId, x.Type, x.Refusal, x.CorrectedAt, x.WaitMinutes });
        b.HasIndex(x => new { x.PersonId, x.At });
        b.HasIndex(x => x.VerificationCode).IsUnique().HasFilter("\"VerificationCode\" IS NOT NULL");
    }
}
