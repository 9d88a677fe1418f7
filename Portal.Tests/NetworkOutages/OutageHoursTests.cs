using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.NetworkOutages;
using Portal.Domain.Organisation;

namespace Portal.Tests.NetworkOutages;

/// <summary>
/// Hours down per branch over Jalali months (Tehran days), the one reading of the outage page and the evaluation: an
/// outage across a month's end counts in each month for its part, an open one runs to now and no further.
/// </summary>
public sealed class OutageHoursTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly JalaliMonth Shahrivar = new(1403, 6), Mehr = new(1403, 7), Aban = new(1403, 8);

    [Fact]
    public async Task AnOutageAcrossTheMonthsEnd_CountsInEachMonth_AndAnOpenOne_RunsToNow()
    {
        await using var db = Acting.SystemDb(portal);
        var branch = await db.OrgUnits.SingleAsync(u => u.Code == "BR-01-01" && u.Kind == UnitKind.Branch);
        var now = TestClock.At(new JalaliDate(1403, 8, 1), 2);
        // 22:00 on the last day of Shahrivar to 03:00 on the first of Mehr: 2 hours and 3 hours.
        var across = new NetworkOutage(branch.Id, branch.ProvinceId!.Value, TestClock.At(new JalaliDate(1403, 6, 31), 22), OutageCause.WanLink, "قطع", null, "t", now);
        across.Resolve(TestClock.At(new JalaliDate(1403, 7, 1), 3), null, "t", now);
        // Open since 20:00 on the last day of Mehr: 4 hours in Mehr, 2 in Aban by 02:00.
        var open = new NetworkOutage(branch.Id, branch.ProvinceId!.Value, TestClock.At(new JalaliDate(1403, 7, 30), 20), OutageCause.Power, "برق", null, "t", now);
        db.NetworkOutages.AddRange(across, open);
        await db.SaveChangesAsync();

        async Task<OutageHours.BranchHours> Read(JalaliMonth from, JalaliMonth to) =>
            Assert.Single(await OutageHours.PerBranchAsync(db, from, to, now), h => h.BranchId == branch.Id);

        Assert.Equal(2, (await Read(Shahrivar, Shahrivar)).Hours, 6);
        var mehr = await Read(Mehr, Mehr);
        Assert.Equal(3 + 4, mehr.Hours, 6);
        Assert.Equal((2, 1), (mehr.Outages, mehr.Open));
        Assert.Equal(2, (await Read(Aban, Aban)).Hours, 6);
        Assert.Equal(2 + 7 + 2, (await Read(Shahrivar, Aban)).Hours, 6);
    }
}
