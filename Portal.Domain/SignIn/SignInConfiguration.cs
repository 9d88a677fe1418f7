using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.SignIn;

internal sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> b)
    {
        b.Property(a => a.UserName).HasMaxLength(SignInAttempt.NameLength);
        b.Property(a => a.Address).HasMaxLength(SignInAttempt.AddressLength);
        b.Property(a => a.UserId).HasMaxLength(450);
        // The limits count by (name, address) and by address over the last minutes; the owner's notice reads by account;
        // the housekeeping deletes by age.
        b.HasIndex(a => new { a.UserName, a.Address, a.At });
        b.HasIndex(a => new { a.Address, a.At });
        b.HasIndex(a => new { a.UserId, a.At });
        b.HasIndex(a => a.At);
    }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.Address).HasMaxLength(SignInAttempt.AddressLength);
        b.HasIndex(s => s.ExpiresAt);
    }
}
