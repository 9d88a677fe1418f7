using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;

namespace Portal.Tests.OffsetFiles;

/// <summary>Posting settlements on a real SQLite file: the balances never go below zero, even when two confirmations race.</summary>
public sealed class OffsetLedgerTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly OffsetFilePapers Papers = new(new string('a', 64), new string('b', 64), new string('c', 64));

    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A Kerman debtor owing <paramref name="debt"/>, one claim per amount at Kerman's centres, a sent file, and an agreement per claim.</summary>
    private async Task<(int Workshop, int[] Claims, OffsetAgreement[] Agreements)> ArrangeAsync(long debt, params (long Claim, long Agreed)[] pairs)
    {
        await using var db = Acting.SystemDb(portal);
        var kerman = await db.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();
        var centres = await db.OrgUnits.OfType<MedicalCenter>().Where(m => m.ProvinceId == kerman).Select(m => m.Id).ToListAsync();
        var workshop = new DebtorWorkshop(kerman, $"W{Guid.NewGuid():N}"[..12], "شرکت صنایع نمونه کرمان", "10101234567", debt, new JalaliMonth(1392, 1), new JalaliMonth(1395, 12));
        var claims = pairs.Select((p, i) => new CenterClaim(kerman, centres[i % centres.Count], p.Claim, new JalaliMonth(1398, 1), new JalaliMonth(1398, 12))).ToList();
        db.AddRange([workshop, .. claims]);
        await db.SaveChangesAsync();
        var file = new OffsetFile(kerman, "پرونده تهاتر آزمون", "kerman.generaloffice", At);
        file.Compile([workshop], claims);
        file.Send("08/1405/1", VerificationCodes.New(), Papers, "kerman.director", At);
        var agreements = claims.Select((c, i) => file.RecordOutcome(workshop.Id, c.Id, pairs[i].Agreed, "kerman.governor", At)).ToArray();
        db.Add(file);
        await db.SaveChangesAsync();
        return (workshop.Id, claims.Select(c => c.Id).ToArray(), agreements);
    }

    private async Task<(long Debt, long[] Claims)> RemainingAsync(int workshop, int[] claims)
    {
        await using var db = Acting.SystemDb(portal);
        var debt = await db.DebtorWorkshops.Where(w => w.Id == workshop).Select(w => w.InitialDebt - w.Settled).SingleAsync();
        var left = await db.CenterClaims.Where(c => claims.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Amount - c.Settled).ToArrayAsync();
        return (debt, left);
    }

    private async Task<Guid> VersionAsync(int agreementId)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.OffsetAgreements.Where(a => a.Id == agreementId).Select(a => a.Version).SingleAsync();
    }

    private async Task<Settlement?> ConfirmAsync(string user, int agreementId) =>
        await (await portal.AsAsync<OffsetLedger>(user)).ConfirmAsync(agreementId, await VersionAsync(agreementId));

    [Fact]
    public async Task TheSecondSidesConfirmation_PostsTheSettlement_OnBothBalances()
    {
        var (workshop, claims, agreements) = await ArrangeAsync(100_000_000, (80_000_000, 50_000_000));

        Assert.Null(await ConfirmAsync("kerman.generaloffice", agreements[0].Id));
        Assert.Equal((100_000_000L, 80_000_000L), ((await RemainingAsync(workshop, claims)).Debt, (await RemainingAsync(workshop, claims)).Claims[0]));
        var posted = await ConfirmAsync("kerman.treatment", agreements[0].Id);

        Assert.Equal(50_000_000, posted!.Amount);
        var (debt, left) = await RemainingAsync(workshop, claims);
        Assert.Equal((50_000_000L, 30_000_000L), (debt, left[0]));
        Assert.Empty(await (await portal.AsAsync<OffsetLedger>("headoffice")).CheckAsync());
    }

    [Fact]
    public async Task ASettlement_BeyondWhatIsLeft_IsRefused_AndWritesNothing()
    {
        var (workshop, claims, agreements) = await ArrangeAsync(100_000_000, (80_000_000, 70_000_000), (90_000_000, 60_000_000));
        await ConfirmAsync("kerman.generaloffice", agreements[0].Id);
        await ConfirmAsync("kerman.treatment", agreements[0].Id);
        await ConfirmAsync("kerman.generaloffice", agreements[1].Id);

        var refused = await Assert.ThrowsAsync<DomainException>(() => ConfirmAsync("kerman.treatment", agreements[1].Id));

        Assert.Equal("Offset.ExceedsDebt", refused.Key);
        var (debt, left) = await RemainingAsync(workshop, claims);
        Assert.Equal(30_000_000, debt);
        Assert.Equal([10_000_000L, 90_000_000L], left);
        await using var db = Acting.SystemDb(portal);
        Assert.Null(await db.OffsetAgreements.Where(a => a.Id == agreements[1].Id).Select(a => a.TreatmentConfirmedAt).SingleAsync());
    }

    [Fact]
    public async Task Confirmations_TwoRacingOnOneDebtor_NeverTakeMoreThanThereIs()
    {
        // Two treatment-side users, each with their own signed-in session, confirm at the same moment over HTTP.
        var clients = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => PortalFactory.SignedInClientAsync(portal, "kerman.treatment")));
        for (var round = 0; round < 5; round++)
        {
            // 70 + 60 on a debt of 100: only one of the two can be posted, whichever commits first.
            var (workshop, claims, agreements) = await ArrangeAsync(100_000_000, (80_000_000, 70_000_000), (90_000_000, 60_000_000));
            foreach (var a in agreements) await ConfirmAsync("kerman.generaloffice", a.Id);
            var versions = await Task.WhenAll(agreements.Select(a => VersionAsync(a.Id)));
            using var start = new Barrier(agreements.Length);

            var responses = await Task.WhenAll(agreements.Select((a, i) => Task.Run(async () =>
            {
                start.SignalAndWait();
                var response = await clients[i].PostAsJsonAsync($"/api/v1/offset/agreements/{a.Id}/confirmations", new { version = versions[i] });
                return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
            })));

            var posted = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.True(posted.Body.GetProperty("posted").GetBoolean());
            var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
            Assert.Contains("چیزی ثبت نشد", refused.Body.GetProperty("error").GetString());
            var (debt, _) = await RemainingAsync(workshop, claims);
            Assert.Equal(100_000_000 - posted.Body.GetProperty("amount").GetInt64(), debt);
            Assert.True(debt >= 0);
            Assert.Empty(await (await portal.AsAsync<OffsetLedger>("headoffice")).CheckAsync());
            await using var db = Acting.SystemDb(portal);
            Assert.Equal(1, await db.Settlements.CountAsync(s => s.WorkshopId == workshop));
        }
    }

    [Fact]
    public async Task TheConfirmationRequest_OfAnotherProvince_IsNotFound_AndOfNoSide_Forbidden()
    {
        var (_, _, agreements) = await ArrangeAsync(100_000_000, (80_000_000, 10_000_000));
        var version = await VersionAsync(agreements[0].Id);

        var golestan = await (await PortalFactory.SignedInClientAsync(portal, "golestan.treatment")).PostAsJsonAsync($"/api/v1/offset/agreements/{agreements[0].Id}/confirmations", new { version });
        var governor = await (await PortalFactory.SignedInClientAsync(portal, "kerman.governor")).PostAsJsonAsync($"/api/v1/offset/agreements/{agreements[0].Id}/confirmations", new { version });
        var medical = await (await PortalFactory.SignedInClientAsync(portal, "kerman.medical")).PostAsJsonAsync($"/api/v1/offset/agreements/{agreements[0].Id}/confirmations", new { version });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (golestan.StatusCode, governor.StatusCode, medical.StatusCode));
        Assert.Equal(version, await VersionAsync(agreements[0].Id));
    }

    [Fact]
    public async Task AReversal_PutsTheAmountBack_Once_WithItsReason()
    {
        var (workshop, claims, agreements) = await ArrangeAsync(100_000_000, (80_000_000, 50_000_000));
        await ConfirmAsync("kerman.generaloffice", agreements[0].Id);
        var posted = await ConfirmAsync("kerman.treatment", agreements[0].Id);
        var ledger = await portal.AsAsync<OffsetLedger>("kerman.generaloffice");

        var reversal = await ledger.ReverseAsync(posted!.Id, "مبلغ توافق در صورت‌جلسه ۵ میلیون کمتر بود");

        Assert.Equal(-50_000_000, reversal.Amount);
        Assert.Equal(posted.Id, reversal.Reverses);
        Assert.Equal((100_000_000L, 80_000_000L), await RemainingAsync(workshop, claims) is var r ? (r.Debt, r.Claims[0]) : default);
        Assert.Equal("Offset.AlreadyReversed", (await Assert.ThrowsAsync<DomainException>(() => ledger.ReverseAsync(posted.Id, "دوباره"))).Key);
        Assert.Equal("Offset.ReasonRequired", (await Assert.ThrowsAsync<DomainException>(() => ledger.ReverseAsync(posted.Id, " "))).Key);
        Assert.Empty(await ledger.CheckAsync());
    }

    [Fact]
    public async Task AnotherProvince_CannotConfirm_AndOthersAreNoSide()
    {
        var (_, _, agreements) = await ArrangeAsync(100_000_000, (80_000_000, 10_000_000));

        Assert.Equal("Offset.NotFound", (await Assert.ThrowsAsync<DomainException>(() => ConfirmAsync("golestan.generaloffice", agreements[0].Id))).Key);
        Assert.Equal("Offset.NotASide", (await Assert.ThrowsAsync<DomainException>(() => ConfirmAsync("kerman.governor", agreements[0].Id))).Key);
        Assert.Equal("Offset.NotASide", (await Assert.ThrowsAsync<DomainException>(() => ConfirmAsync("kerman.review", agreements[0].Id))).Key);
    }
}
