using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Contracts;
using Portal.Tests.Agencies;

namespace Portal.Tests.Contracts;

public sealed class ContractRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new JalaliDate(1405, 10, 1).ToDateOnly();
    private static readonly StoredFile Pdf = new(FileKind.Pdf, new string('a', 64), 1000);

    private static Contract Draft(long fee = 1_500_000) =>
        new(AgencyRulesTests.NewAgency().Agency, new ContractTerms(Start, 12, fee), "kerman.review", Now);

    private static Contract Issued()
    {
        var contract = Draft();
        contract.Issue(new ContractNumber("08", 1405, 7), Template(), "متن", Pdf, "ABCDEFGHJKLMNPQR", null, "kerman.review", Now);
        return contract;
    }

    private static Contract Active()
    {
        var contract = Issued();
        contract.RecordSignedScan(new StoredFile(FileKind.Jpeg, new string('b', 64), 500), "kerman.review", Now);
        contract.Activate(agencyHasActiveContract: false, "kerman.review", Now);
        return contract;
    }

    private static ContractTemplate Template() => new(1, "## موضوع\n- پذیرش اسناد {{نام کارگزاری}}", null, "admin", Now);

    [Fact]
    public void Lifecycle_DraftIssuedSignedActiveTerminated_RecordsWhoAndWhy()
    {
        var contract = Active();
        contract.Terminate("تخلف در دریافت وجه از بیمه‌شده", "kerman.review", Now);

        Assert.Equal(ContractStatus.Terminated, contract.Status);
        Assert.Equal("08-1405-00007", contract.Number);
        Assert.Equal("تخلف در دریافت وجه از بیمه‌شده", contract.TerminationReason);
    }

    [Fact]
    public void Issue_Twice_IsRefused_AndTheNumberAndTextStay()
    {
        var contract = Issued();
        var version = contract.Version;

        Assert.Throws<DomainException>(() =>
            contract.Issue(new ContractNumber("08", 1405, 8), Template(), "متن دیگر", Pdf, "ZZZZZZZZZZZZZZZZ", null, "x", Now));
        Assert.Equal("08-1405-00007", contract.Number);
        Assert.Equal("متن", contract.Text);
        Assert.Equal(version, contract.Version);
    }

    [Fact]
    public void AllowedActions_FollowTheState_AndEachOtherActIsRefused()
    {
        var signed = Issued();
        signed.RecordSignedScan(new StoredFile(FileKind.Png, new string('c', 64), 300), "kerman.review", Now);
        var expired = Active();
        expired.Expire(expired.EndsOn.AddDays(1));
        var terminated = Active();
        terminated.Terminate("دلیل", "kerman.review", Now);

        Assert.Equal(ContractActions.Revise | ContractActions.Issue, Draft().AllowedActions);
        Assert.Equal(ContractActions.RecordScan, Issued().AllowedActions);
        Assert.Equal(ContractActions.RecordScan | ContractActions.Activate, signed.AllowedActions);
        Assert.Equal(ContractActions.Terminate | ContractActions.Renew, Active().AllowedActions);
        Assert.Equal(ContractActions.Renew, expired.AllowedActions);
        Assert.Equal(ContractActions.None, terminated.AllowedActions);
        // The guarded methods read the same rule: what is not allowed is refused.
        Assert.Equal("Contract.IllegalTransition", Assert.Throws<DomainException>(() => Issued().Activate(false, "x", Now)).Key);
        Assert.Equal("Contract.IllegalTransition", Assert.Throws<DomainException>(() => signed.Terminate("دلیل", "x", Now)).Key);
        Assert.Equal("Contract.RenewOnlyActive", Assert.Throws<DomainException>(() =>
            new Contract(terminated.Agency, new ContractTerms(Start, 12, 1_500_000), "x", Now, terminated)).Key);
    }

    [Fact]
    public void Contract_Issued_CannotBeRevised() =>
        Assert.Throws<DomainException>(() => Issued().Revise(new ContractTerms(Start, 6, 0)));

    [Fact]
    public void Activate_WithoutSignedScan_IsRefused() =>
        Assert.Throws<DomainException>(() => Issued().Activate(false, "x", Now));

    [Fact]
    public void Sign_ADraft_IsRefused() =>
        Assert.Throws<DomainException>(() => Draft().RecordSignedScan(Pdf, "x", Now));

    [Fact]
    public void Terminate_BeforeActive_IsRefused() =>
        Assert.Throws<DomainException>(() => Issued().Terminate("دلیل", "x", Now));

    [Fact]
    public void Terminate_WithoutReason_IsRefused() =>
        Assert.Throws<DomainException>(() => Active().Terminate("  ", "x", Now));

    [Fact]
    public void Contract_Terminated_CannotBeActivatedOrExpired()
    {
        var contract = Active();
        contract.Terminate("دلیل", "x", Now);
        Assert.Throws<DomainException>(() => contract.Activate(false, "x", Now));
        Assert.Throws<DomainException>(() => contract.Expire(contract.EndsOn.AddDays(1)));
    }

    [Fact]
    public void Activate_WhileAnotherContractIsActive_IsRefused()
    {
        var contract = Issued();
        contract.RecordSignedScan(Pdf, "x", Now);
        Assert.Throws<DomainException>(() => contract.Activate(agencyHasActiveContract: true, "x", Now));
        Assert.Equal(ContractStatus.Signed, contract.Status);
    }

    [Fact]
    public void Expire_OnTheLastDay_IsRefusedUntilTheDayAfter()
    {
        var contract = Active();
        Assert.Throws<DomainException>(() => contract.Expire(contract.EndsOn));
        contract.Expire(contract.EndsOn.AddDays(1));
        Assert.Equal(ContractStatus.Expired, contract.Status);
    }

    [Fact]
    public void SignedScan_MayBeReplaced_UntilActivated()
    {
        var contract = Issued();
        contract.RecordSignedScan(Pdf, "x", Now);
        contract.RecordSignedScan(new StoredFile(FileKind.Png, new string('c', 64), 10), "x", Now);
        Assert.Equal(FileKind.Png, contract.ScanKind);
        contract.Activate(false, "x", Now);
        Assert.Throws<DomainException>(() => contract.RecordSignedScan(Pdf, "x", Now));
    }

    [Fact]
    public void Terms_NegativeFee_IsRefused() => Assert.Throws<DomainException>(() => Draft(fee: -1));

    [Fact]
    public void Terms_ZeroFee_IsRefused() => Assert.Equal("Contract.FeeRange", Assert.Throws<DomainException>(() => Draft(fee: 0)).Key);

    [Fact]
    public void Terms_FeeAboveTheMaximum_IsRefused() =>
        Assert.Equal("Contract.FeeRange", Assert.Throws<DomainException>(() => Draft(fee: Contract.MaxFeePerFile + 1)).Key);

    [Fact]
    public void TermsForm_NegativeTerm_IsRefused_NotReadAsPositive()
    {
        var (terms, errors) = new ContractTermsForm { StartsOn = "1405/10/01", TermMonths = "-3", FeePerFile = "1500000" }.Validate();
        Assert.Null(terms);
        Assert.Equal(["TermMonths"], errors.Keys);
        Assert.Contains("۳۶", errors["TermMonths"]);
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("۳۷")]
    [InlineData("12 ماه")]
    public void TermsForm_TermThatIsNotAWholeMonthCountInRange_IsRefused(string typed) =>
        Assert.Contains("TermMonths", new ContractTermsForm { StartsOn = "1405/10/01", TermMonths = typed, FeePerFile = "1500000" }.Validate().Errors.Keys);

    [Theory]
    [InlineData("0")]
    [InlineData("1000000001")]
    public void TermsForm_FeeOutOfRange_IsRefusedWithTheRange(string typed)
    {
        var errors = new ContractTermsForm { StartsOn = "1405/10/01", TermMonths = "12", FeePerFile = typed }.Validate().Errors;
        Assert.Equal(Messages.Format("Contract.FeeRange", new Rial(Contract.MaxFeePerFile).ToPersianString()), errors["FeePerFile"]);
    }

    [Fact]
    public void Issue_OfAContractWhoseTermHasEnded_NeedsAReason_AndKeepsIt()
    {
        // 1403/12/30 for 12 months ends 1404/12/28 (Esfand 1404 has 29 days), before 1405/09/02 (Now).
        var ended = new Contract(AgencyRulesTests.NewAgency().Agency, new ContractTerms(new JalaliDate(1403, 12, 30).ToDateOnly(), 12, 1_500_000), "x", Now);

        var refused = Assert.Throws<DomainException>(() =>
            ended.Issue(new ContractNumber("08", 1405, 9), Template(), "متن", Pdf, "ABCDEFGHJKLMNPQR", null, "x", Now));
        Assert.Equal("Contract.EndsInPast", refused.Key);
        Assert.Contains("۱۴۰۴/۱۲/۲۸", refused.Message);
        Assert.Equal(ContractStatus.Draft, ended.Status);

        ended.Issue(new ContractNumber("08", 1405, 9), Template(), "متن", Pdf, "ABCDEFGHJKLMNPQR", null, "x", Now, "  قرارداد دوره گذشته برای تسویه  ");
        Assert.Equal(ContractStatus.Issued, ended.Status);
        Assert.Equal("قرارداد دوره گذشته برای تسویه", ended.LateIssueReason);
    }

    [Fact]
    public void Issue_OfACurrentContract_KeepsNoLateReason() => Assert.Null(Issued().LateIssueReason);

    [Theory]
    [InlineData(1405, 10, 1, 12, 1406, 9, 30)]  // a year: ends the day before the same date
    [InlineData(1405, 1, 31, 6, 1405, 7, 29)]   // Mehr has 30 days: from the 31st, six months end on 1405/07/29
    [InlineData(1403, 12, 30, 1, 1404, 1, 29)]  // from the leap Esfand 30th
    public void Term_FromAnyStartDay_RunsWholeJalaliMonths(int y, int m, int d, int months, int ey, int em, int ed) =>
        Assert.Equal(new JalaliDate(ey, em, ed).ToDateOnly(), new ContractTerms(new JalaliDate(y, m, d).ToDateOnly(), months, 0).EndsOn);

    [Fact]
    public void Terms_TermOutOfRange_IsRefused()
    {
        var agency = AgencyRulesTests.NewAgency().Agency;
        Assert.Throws<DomainException>(() => new Contract(agency, new ContractTerms(Start, 0, 1_500_000), "x", Now));
        Assert.Throws<DomainException>(() => new Contract(agency, new ContractTerms(Start, Contract.MaxTermMonths + 1, 1_500_000), "x", Now));
    }

    [Fact]
    public void Renewal_OfAnIssuedContract_IsRefused()
    {
        var issued = Issued();
        Assert.Throws<DomainException>(() => new Contract(issued.Agency, new ContractTerms(Start, 12, 1_500_000), "x", Now, renews: issued));
    }

    [Fact]
    public void ContractNumber_OnIssue_IsProvinceYearSequence() =>
        Assert.Equal("27-1406-00123", new ContractNumber("27", 1406, 123).Text);

    [Fact]
    public void TermsForm_SeveralFieldsWrong_NamesEachFailingField()
    {
        var (terms, errors) = new ContractTermsForm { StartsOn = "1405/13/01", TermMonths = "۰", FeePerFile = "-5" }.Validate();
        Assert.Null(terms);
        Assert.Equal(["FeePerFile", "StartsOn", "TermMonths"], errors.Keys.Order());
    }

    [Fact]
    public void TermsForm_PersianDigitsAndSeparators_AreAccepted()
    {
        var (terms, errors) = new ContractTermsForm { StartsOn = "۱۴۰۵/۱۰/۰۱", TermMonths = "۱۲", FeePerFile = "۱٬۵۰۰٬۰۰۰" }.Validate();
        Assert.Empty(errors);
        Assert.Equal(new ContractTerms(Start, 12, 1_500_000), terms);
    }
}
