using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Documents;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Features.Agencies;

namespace Portal.Tests.Agencies;

/// <summary>The whole-list import on the real database, acting as Kerman's general office.</summary>
public sealed class AgencyImportTests : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly PortalFactory _factory;
    private IDbContextFactory<PortalDbContext> Contexts => _factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
    private static readonly JalaliDate Today = JalaliDate.Create(1403, 5, 20);

    public AgencyImportTests(PortalFactory factory) => _factory = factory;
    public async Task InitializeAsync() => await _factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ImportResult> ImportAsKermanAsync(params AgencyImportRow[] rows)
    {
        await using var db = PortalDb.Open(Contexts, Actor.System);
        var user = await db.Users.SingleAsync(u => u.UserName == "kerman.generaloffice");
        var unit = await db.OrgUnits.SingleAsync(u => u.Id == user.UnitId);
        var actor = new Actor(user.Id, user.UserName!, Roles.GeneralOffice, unit.Id, OrgScope.For(Roles.GeneralOffice, unit.Id, unit.ProvinceId));
        return await new AgencyImport(new PortalDb(Contexts, new ActingAs(actor)), TimeProvider.System).ImportAsync(rows, Today);
    }

    private static AgencyImportRow Row(int number, string code, Action<AgencyProfileForm>? edit = null)
    {
        var row = AgencySheets.Example with { RowNumber = number, Code = code };
        edit?.Invoke(row.Profile);
        return row;
    }

    private async Task<(int Agencies, int Audit, int Notices)> CountsAsync()
    {
        await using var db = PortalDb.Open(Contexts, Actor.System);
        return (await db.Agencies.CountAsync(), await db.AuditEntries.CountAsync(), await db.ChangeNotices.CountAsync());
    }

    private async Task<Agency?> AgencyAsync(string code)
    {
        await using var db = PortalDb.Open(Contexts, Actor.System);
        return await db.Agencies.Include(a => a.Notices).AsNoTracking().SingleOrDefaultAsync(a => a.Code == code);
    }

    [Fact]
    public async Task ValidSheet_AddsNewCodes_AndUpdatesExistingOnes()
    {
        var result = await ImportAsKermanAsync(
            Row(2, "AG-08101"),
            Row(3, "AG-08001", p => { p.Name = "کارگزاری رسمی مرکزی کرمان"; p.Phone = "03432000001"; }));

        Assert.True(result.Succeeded);
        Assert.Equal((1, 1), (result.Inserted, result.Updated));
        Assert.Equal("کارگزاری رسمی نمونه کرمان", (await AgencyAsync("AG-08101"))!.Name);
        var updated = (await AgencyAsync("AG-08001"))!;
        Assert.Equal(("کارگزاری رسمی مرکزی کرمان", "03432000001"), (updated.Name, updated.Phone));
    }

    [Fact]
    public async Task TheSameNewAgencyWrittenByAnotherServerMeanwhile_RefusesThisSheetInWords_AndTheOtherStands()
    {
        // The same sheet sent twice at once, through two servers: the second to save meets the first's agency.
        AgencyImportRow[] rows = [Row(2, "AG-08777")];
        var import = await _factory.AsAsync<AgencyImport>("kerman.generaloffice", new AnotherServerSavesFirst(async () => Assert.True((await ImportAsKermanAsync(rows)).Succeeded)));

        var refused = await Assert.ThrowsAsync<DomainException>(() => import.ImportAsync(rows, Today));

        Assert.Equal("Import.SavedMeanwhile", refused.Key);
        await using var db = PortalDb.Open(Contexts, Actor.System);
        Assert.Equal(1, await db.Agencies.CountAsync(a => a.Code == "AG-08777"));
    }

    [Fact]
    public async Task OneRowWithABadNationalId_WritesNothing_AndNamesTheField()
    {
        using var _ = CultureScope.Persian();
        var before = await CountsAsync();

        var result = await ImportAsKermanAsync(
            Row(2, "AG-08102"),
            Row(3, "AG-08001", p => p.Name = "نامی که نباید ثبت شود"),
            Row(4, "AG-08103", p => p.ManagerNationalId = "0012345670")); // check digit should be 9

        Assert.False(result.Succeeded);
        Assert.Equal([4], result.Errors.Keys);
        Assert.StartsWith("کد ملی مسئول", Assert.Single(result.Errors[4]));
        Assert.Equal(before, await CountsAsync());
        Assert.Null(await AgencyAsync("AG-08102"));
        Assert.NotEqual("نامی که نباید ثبت شود", (await AgencyAsync("AG-08001"))!.Name);
    }

    [Fact]
    public async Task GolestanCode_InAKermanSheet_IsRefusedAsOutsideScope()
    {
        using var _ = CultureScope.Persian();
        var golestan = (await AgencyAsync("AG-27001"))!;

        var result = await ImportAsKermanAsync(Row(2, "AG-27001"));

        var message = Assert.Single(result.Errors[2]);
        Assert.StartsWith("کد کارگزاری", message);
        Assert.Contains("در محدوده شما نیست", message);
        Assert.DoesNotContain(golestan.Name, message);
        Assert.Equal(golestan.Version, (await AgencyAsync("AG-27001"))!.Version);
    }

    [Fact]
    public async Task ChangingTheManager_RaisesOneNotice_ChangingOnlyThePhone_RaisesNone()
    {
        Assert.True((await ImportAsKermanAsync(Row(2, "AG-08104"))).Succeeded);
        var notices = (await CountsAsync()).Notices;

        Assert.True((await ImportAsKermanAsync(Row(2, "AG-08104", p => p.Phone = "03432999999"))).Succeeded);
        Assert.Equal(notices, (await CountsAsync()).Notices);

        Assert.True((await ImportAsKermanAsync(Row(2, "AG-08104", p =>
        {
            p.Phone = "03432999999";
            p.ManagerName = "حسین کریمی";
            p.ManagerNationalId = NationalId.WithCheckDigit("312345678");
        }))).Succeeded);
        var notice = Assert.Single((await AgencyAsync("AG-08104"))!.Notices);
        Assert.Equal((ChangeKind.Manager, Today.ToDateOnly()), (notice.Kind, notice.EffectiveDate));
        Assert.Contains("حسین کریمی", notice.After);
        Assert.Equal(notices + 1, (await CountsAsync()).Notices);
    }
}
