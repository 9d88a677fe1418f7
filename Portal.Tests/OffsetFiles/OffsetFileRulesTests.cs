using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;

namespace Portal.Tests.OffsetFiles;

/// <summary>The offset file's rules without a database: which debts qualify, the file's states, the two confirmations.</summary>
public sealed class OffsetFileRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly OffsetFilePapers Papers = new(new string('a', 64), new string('b', 64), new string('c', 64));

    private static DebtorWorkshop Debtor(JalaliMonth last) => new(1, "1234567", "شرکت نمونه", "10101234567", 100_000_000, new JalaliMonth(1390, 1), last);

    [Fact]
    public void ADebt_FromEsfand1395_Qualifies_OneFrom1396_IsRefused()
    {
        Assert.Equal(139512, Debtor(new JalaliMonth(1395, 12)).LastPeriod);
        var refused = Assert.Throws<DomainException>(() => Debtor(new JalaliMonth(1396, 1)));
        Assert.Equal("Offset.DebtPeriodTooLate", refused.Key);
        Assert.Contains("۱۳۹۶", refused.Message);
    }

    [Fact]
    public void Amounts_ZeroNegativeOrFractional_AreRefused()
    {
        Assert.Throws<DomainException>(() => new DebtorWorkshop(1, "1", "x", "1", 0, new JalaliMonth(1390, 1), new JalaliMonth(1390, 2)));
        Assert.Throws<DomainException>(() => new CenterClaim(1, 5, -1, new JalaliMonth(1398, 1), new JalaliMonth(1398, 2)));
    }

    private static (OffsetFile File, DebtorWorkshop Debtor, CenterClaim Claim) Draft()
    {
        var file = new OffsetFile(1, "پرونده تهاتر آذر", "kerman.generaloffice", At);
        var debtor = Debtor(new JalaliMonth(1395, 6));
        var claim = new CenterClaim(1, 5, 80_000_000, new JalaliMonth(1398, 1), new JalaliMonth(1398, 6));
        file.Compile([debtor], [claim]);
        return (file, debtor, claim);
    }

    [Fact]
    public void AFile_GoesDraftSentUnderReviewClosed_AndNoOtherWay()
    {
        var (file, debtor, claim) = Draft();
        Assert.Throws<DomainException>(() => file.RecordMeeting(new DateOnly(2026, 11, 25), "نماینده استاندار", ""));
        Assert.Throws<DomainException>(() => file.Close(At));

        file.Send("08/1405/1", VerificationCodes.New(), Papers, "kerman.director", At);
        Assert.Equal(OffsetFileStatus.Sent, file.Status);
        Assert.Throws<DomainException>(() => file.Compile([debtor], []));   // a sent file's lists never change
        Assert.Throws<DomainException>(() => file.Send("08/1405/1", VerificationCodes.New(), Papers, "kerman.director", At));
        Assert.Throws<DomainException>(() => file.Close(At));

        file.RecordMeeting(new DateOnly(2026, 11, 25), "نماینده استاندار، کارفرما، مرکز درمانی", "توافق شد.");
        Assert.Equal(OffsetFileStatus.UnderReview, file.Status);
        file.Close(At);
        Assert.Equal(OffsetFileStatus.Closed, file.Status);
        Assert.Throws<DomainException>(() => file.RecordOutcome(debtor.Id, claim.Id, 1, "governor", At));
    }

    [Fact]
    public void AllowedActions_FollowTheStatus_AndTheGuardsReadThem()
    {
        var (file, _, _) = Draft();
        Assert.Equal(OffsetFileActions.Compile | OffsetFileActions.Send, file.AllowedActions);
        file.Send("08/1405/1", VerificationCodes.New(), Papers, "kerman.director", At);
        Assert.Equal(OffsetFileActions.RecordReview, file.AllowedActions);
        Assert.Equal("Offset.IllegalTransition", Assert.Throws<DomainException>(() => file.Close(At)).Key);
        file.RecordMeeting(new DateOnly(2026, 11, 25), "نماینده استاندار", "");
        Assert.Equal(OffsetFileActions.RecordReview | OffsetFileActions.Close, file.AllowedActions);
        file.Close(At);
        Assert.Equal(OffsetFileActions.None, file.AllowedActions);
        Assert.False(OffsetFile.Allows(OffsetFileStatus.Closed, OffsetFileActions.RecordReview));
    }

    [Fact]
    public void AnEmptyFile_CannotBeSent_AndAnotherProvincesClaim_CannotJoin()
    {
        var file = new OffsetFile(1, "پرونده", "kerman.generaloffice", At);
        Assert.Equal("Offset.EmptyFile", Assert.Throws<DomainException>(() => file.Send("08/1405/1", VerificationCodes.New(), Papers, "kerman.director", At)).Key);
        var elsewhere = new CenterClaim(2, 9, 1_000, new JalaliMonth(1398, 1), new JalaliMonth(1398, 1));
        Assert.Equal("Offset.OtherProvince", Assert.Throws<DomainException>(() => file.Compile([Debtor(new JalaliMonth(1395, 1))], [elsewhere])).Key);
    }

    [Fact]
    public void AnAgreement_IsSettledWhenBothSidesHaveConfirmed_EachOnce()
    {
        var (file, debtor, claim) = Draft();
        file.Send("08/1405/1", VerificationCodes.New(), Papers, "kerman.director", At);
        var agreement = file.RecordOutcome(debtor.Id, claim.Id, 50_000_000, "kerman.governor", At);
        Assert.Equal(OffsetFileStatus.UnderReview, file.Status);
        Assert.Equal("Offset.PairRecorded", Assert.Throws<DomainException>(() => file.RecordOutcome(debtor.Id, claim.Id, null, "kerman.governor", At)).Key);

        Assert.False(agreement.Confirm(ExecutionSide.Insurance, "kerman.generaloffice", At));
        Assert.Equal("Offset.AlreadyConfirmed", Assert.Throws<DomainException>(() => agreement.Confirm(ExecutionSide.Insurance, "kerman.director", At)).Key);
        Assert.True(agreement.Confirm(ExecutionSide.Treatment, "kerman.treatment", At));
    }

    [Fact]
    public void NotAgreed_IsRecorded_ButCannotBeConfirmed()
    {
        var (file, debtor, claim) = Draft();
        file.Send("08/1405/1", VerificationCodes.New(), Papers, "kerman.director", At);
        var refused = file.RecordOutcome(debtor.Id, claim.Id, null, "kerman.governor", At);
        Assert.False(refused.Agreed);
        Assert.Equal("Offset.NotAgreed", Assert.Throws<DomainException>(() => refused.Confirm(ExecutionSide.Insurance, "kerman.generaloffice", At)).Key);
    }
}
