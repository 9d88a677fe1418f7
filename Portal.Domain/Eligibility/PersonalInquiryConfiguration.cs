using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Eligibility;
using Portal.Domain.Sms;

namespace Portal.Domain.Eligibility;

internal sealed class OtpChallengeConfiguration : IEntityTypeConfiguration<OtpChallenge>
{
    public void Configure(EntityTypeBuilder<OtpChallenge> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.NationalId).HasMaxLength(InsuredPerson.ForeignNumberLength);
        b.Property(c => c.Mobile).HasMaxLength(11);
        b.Property(c => c.Salt).HasMaxLength(16);
        b.Property(c => c.CodeHash).HasMaxLength(32);
        b.Property(c => c.Version).IsConcurrencyToken();
        // For clearing out spent challenges by age.
        b.HasIndex(c => c.ExpiresAt);
    }
}

internal sealed class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> b)
    {
        b.ToTable("SmsOutbox");
        b.Property(m => m.Mobile).HasMaxLength(11);
        b.Property(m => m.Text).HasMaxLength(1000);
    }
}
