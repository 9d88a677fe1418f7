using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;

namespace Portal.Tests.OffsetFiles;

/// <summary>
/// Issue 17 §4: an agreement is checked against what is left when the governor's office enters it (less what other open
/// agreements hold), and one that is stuck can be amended or withdrawn, with its reason on record.
/// </summary>
public sealed class OffsetAgreementLimitsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly OffsetFilePapers Papers = new(new string('a', 64), new string('b', 64), new string('c', 64));

    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A Kerman debtor, one claim per amount, and a file sent to the governor with them (no outcomes yet).</summary>
    private async Task<(int File, int Workshop, int[] Claims)> SentFileAsync(long debt, params long[] claimAmounts)
    {
        await using var db = Acting.SystemDb(portal);
        var kerman = await db.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();
        var centres = await db.OrgUnits.OfType<MedicalCenter>().Where(m => m.ProvinceId == kerman).Select(m => m.Id).ToListAsync();
        var workshop = new DebtorWorkshop(kerman, $"{Random.Shared.Next(10_000_000, 99_999_999)}", "شرکت صنایع نمونه کرمان", "10101234567", debt, new JalaliMonth(1392, 1), new JalaliMonth(1395, 12));
        var claims = claimAmounts.Select((a, i) => new CenterClaim(kerman, centres[i % centres.Count], a, new JalaliMonth(1398, 1), new JalaliMonth(1398, 12))).ToList();
        db.AddRange([workshop, .. claims]);
        await db.SaveChangesAsync();
        var file = new OffsetFile(kerman, "پرونده تهاتر سقف توافق", "kerman.generaloffice", At);
        file.Compile([workshop], claims);
        file.Send("08/1405/7", VerificationCodes.New(), Papers, "kerman.director", At);
        db.Add(file);
        await db.SaveChangesAsync();
        return (file.Id, workshop.Id, claims.Select(c => c.Id).ToArray());
    }

    private async Task<Guid> FileVersionAsync(int id)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.OffsetFiles.Where(f => f.Id == id).Select(f => f.Version).SingleAsync();
    }

    private async Task<OffsetAgreement> AgreementAsync(int file, int claim)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.OffsetAgreements.AsNoTracking().SingleAsync(a => a.FileId == file && a.ClaimId == claim);
    }

    private async Task<IReadOnlyDictionary<string, string>> RecordAsync(int file, int workshop, int claim, string amount) =>
        await (await portal.AsAsync<OffsetDesk>("kerman.governor")).RecordOutcomeAsync(file, await FileVersionAsync(file), workshop, claim, amount);

    private async Task<Settlement?> ConfirmAsync(string user, int agreementId)
    {
        await using var db = Acting.SystemDb(portal);
        var version = await db.OffsetAgreements.Where(a => a.Id == agreementId).Select(a => a.Version).SingleAsync();
        return await (await portal.AsAsync<OffsetLedger>(user)).ConfirmAsync(agreementId, version);
    }

    [Fact]
    public async Task AnAgreement_BeyondTheRemainingDebt_IsRefusedWhenEntered_WithTheFigures()
    {
        using var culture = CultureScope.Persian();
        var (file, workshop, claims) = await SentFileAsync(1_417_000_000, 3_000_000_000);

        var errors = await RecordAsync(file, workshop, claims[0], "2,000,000,000");

        var message = errors[OffsetDesk.AmountField];
        Assert.Contains("۲٬۰۰۰٬۰۰۰٬۰۰۰", message);
        Assert.Contains("۱٬۴۱۷٬۰۰۰٬۰۰۰", message);
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.OffsetAgreements.AnyAsync(a => a.FileId == file));
        Assert.Empty(await RecordAsync(file, workshop, claims[0], "۱٬۴۱۷٬۰۰۰٬۰۰۰"));
    }

    [Fact]
    public async Task AnAgreement_BeyondTheRemainingClaim_IsRefused_AndOtherOpenAgreementsHoldTheirAmount()
    {
        using var culture = CultureScope.Persian();
        var (file, workshop, claims) = await SentFileAsync(1_417_000_000, 300_000_000, 900_000_000);

        var beyondClaim = await RecordAsync(file, workshop, claims[0], "400000000");
        Assert.Contains("۳۰۰٬۰۰۰٬۰۰۰", beyondClaim[OffsetDesk.AmountField]);
        Assert.Empty(await RecordAsync(file, workshop, claims[1], "900000000"));

        // 1,417 left, 900 held by the open agreement on the other claim: at most 517 (and the claim's 300) can be agreed.
        var held = await RecordAsync(file, workshop, claims[0], "300000001");
        Assert.Contains("۳۰۰٬۰۰۰٬۰۰۰", held[OffsetDesk.AmountField]);
        Assert.Empty(await RecordAsync(file, workshop, claims[0], "300000000"));
        await using var db = Acting.SystemDb(portal);
        Assert.Equal(2, await db.OffsetAgreements.CountAsync(a => a.FileId == file));
    }

    [Fact]
    public async Task OtherOpenAgreementsOnTheDebt_AreSubtracted_WithTheHeldFigureInTheMessage()
    {
        using var culture = CultureScope.Persian();
        var (file, workshop, claims) = await SentFileAsync(1_417_000_000, 1_000_000_000, 1_000_000_000);
        Assert.Empty(await RecordAsync(file, workshop, claims[0], "1000000000"));

        var refused = await RecordAsync(file, workshop, claims[1], "500000000");

        Assert.Contains("۱٬۰۰۰٬۰۰۰٬۰۰۰", refused[OffsetDesk.AmountField]);  // held by the other agreement
        Assert.Contains("۴۱۷٬۰۰۰٬۰۰۰", refused[OffsetDesk.AmountField]);      // what can still be agreed
        Assert.Empty(await RecordAsync(file, workshop, claims[1], "417000000"));
    }

    /// <summary>An agreement beyond the debt, as one recorded before the check existed: the posting refuses it.</summary>
    private async Task<(int File, int Workshop, int Claim, int Agreement)> StuckAsync()
    {
        var (file, workshop, claims) = await SentFileAsync(1_417_000_000, 3_000_000_000);
        await using (var db = Acting.SystemDb(portal))
        {
            var tracked = await db.OffsetFiles.Include(f => f.Debtors).Include(f => f.Claims).Include(f => f.Agreements).SingleAsync(f => f.Id == file);
            tracked.RecordOutcome(workshop, claims[0], 2_000_000_000, "kerman.governor", At);
            await db.SaveChangesAsync();
        }
        var agreement = (await AgreementAsync(file, claims[0])).Id;
        Assert.Null(await ConfirmAsync("kerman.generaloffice", agreement));
        Assert.Equal("Offset.ExceedsDebt", (await Assert.ThrowsAsync<DomainException>(() => ConfirmAsync("kerman.treatment", agreement))).Key);
        return (file, workshop, claims[0], agreement);
    }

    [Fact]
    public async Task AStuckAgreement_IsAmended_ItsConfirmationsCleared_ThenBothSidesConfirmAndItPosts()
    {
        using var culture = CultureScope.Persian();
        var (file, workshop, claim, agreement) = await StuckAsync();
        var governor = await portal.AsAsync<OffsetDesk>("kerman.governor");
        var version = (await AgreementAsync(file, claim)).Version;

        var beyond = await governor.AmendAgreementAsync(agreement, version, "1500000000", "صورت‌جلسه دوم");
        Assert.Contains("۱٬۴۱۷٬۰۰۰٬۰۰۰", beyond[OffsetDesk.AmountField]);
        Assert.Contains(OffsetDesk.ReasonField, (await governor.AmendAgreementAsync(agreement, version, "1417000000", " ")).Keys);
        Assert.Empty(await governor.AmendAgreementAsync(agreement, version, "1417000000", "مبلغ در صورت‌جلسه دوم به اندازه مانده بدهی اصلاح شد"));

        var amended = await AgreementAsync(file, claim);
        Assert.Equal((1_417_000_000L, (DateTimeOffset?)null, (DateTimeOffset?)null), (amended.Amount!.Value, amended.InsuranceConfirmedAt, amended.TreatmentConfirmedAt));
        Assert.Null(await ConfirmAsync("kerman.treatment", agreement));
        Assert.Equal(1_417_000_000, (await ConfirmAsync("kerman.generaloffice", agreement))!.Amount);
        await using var db = Acting.SystemDb(portal);
        Assert.Equal(0, await db.DebtorWorkshops.Where(w => w.Id == workshop).Select(w => w.InitialDebt - w.Settled).SingleAsync());
        var audit = await db.AuditEntries.Where(e => e.Entity == nameof(OffsetAgreement) && e.Key == agreement.ToString() && e.UserName == "kerman.governor")
            .Select(e => e.Changes).ToListAsync();
        Assert.Contains(audit, c => c.Contains("AmendReason") && c.Contains("به اندازه مانده بدهی") && c.Contains("2000000000") && c.Contains("1417000000"));

        // Posted, it is no longer the governor's to change: the posting is reversed first.
        var posted = (await AgreementAsync(file, claim)).Version;
        Assert.Equal("Offset.AgreementPosted", (await Assert.ThrowsAsync<DomainException>(() => governor.WithdrawAgreementAsync(agreement, posted, "دیگر"))).Key);
    }

    [Fact]
    public async Task AStuckAgreement_IsWithdrawn_WithItsReasonOnRecord_AndFreesItsAmount()
    {
        using var culture = CultureScope.Persian();
        var (file, workshop, claim, agreement) = await StuckAsync();
        var version = (await AgreementAsync(file, claim)).Version;

        var office = await portal.AsAsync<OffsetDesk>("kerman.generaloffice");
        Assert.Equal("Offset.NotYours", (await Assert.ThrowsAsync<DomainException>(() => office.WithdrawAgreementAsync(agreement, version, "x"))).Key);
        await (await portal.AsAsync<OffsetDesk>("kerman.governor")).WithdrawAgreementAsync(agreement, version, "کارفرما از توافق کناره گرفت");

        Assert.Equal("Offset.AgreementWithdrawn", (await Assert.ThrowsAsync<DomainException>(() => ConfirmAsync("kerman.treatment", agreement))).Key);
        await using var db = Acting.SystemDb(portal);
        var withdrawn = await db.OffsetAgreements.SingleAsync(a => a.Id == agreement);
        Assert.Equal(("کارفرما از توافق کناره گرفت", "kerman.governor"), (withdrawn.WithdrawReason, withdrawn.WithdrawnBy));
        Assert.Contains(await db.AuditEntries.Where(e => e.Entity == nameof(OffsetAgreement) && e.Key == agreement.ToString()).Select(e => e.Changes).ToListAsync(),
            c => c.Contains("WithdrawReason") && c.Contains("کناره گرفت"));
        // What it held is free again: the whole remaining debt can be agreed with another centre.
        Assert.Null(await OffsetDesk.BeyondWhatIsLeftAsync(db, workshop, claim, 1_417_000_000, null, default));
    }
}
