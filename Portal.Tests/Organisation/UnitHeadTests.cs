using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Organisation;

namespace Portal.Tests.Organisation;

/// <summary>The director-general's name that signs a general office's letters is kept by the administrator and that province's director-general.</summary>
public sealed class UnitHeadTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<OrgUnit> GeneralOfficeAsync(string provinceCode)
    {
        await using var db = Acting.SystemDb(factory);
        return await db.OrgUnits.AsNoTracking().Where(u => u.Kind == UnitKind.GeneralOffice && u.Province!.Code == provinceCode).OrderBy(u => u.Code).FirstAsync();
    }

    private async Task<string?> HeadAsync(int unitId)
    {
        await using var db = Acting.SystemDb(factory);
        return await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.HeadName).SingleAsync();
    }

    [Fact]
    public async Task TheProvincesDirector_RecordsTheName_AsTyped_AndMayEditIt()
    {
        var office = await GeneralOfficeAsync("08");
        var directory = await factory.AsAsync<OrganisationDirectory>("kerman.director");

        Assert.True((await directory.FindAsync(office.Id))!.CanSetHead);
        Assert.Null(await directory.SetHeadAsync(office.Id, " دكتر علي رضايي "));
        Assert.Equal("دکتر علی رضایی", await HeadAsync(office.Id));
    }

    [Fact]
    public async Task ANameTooLong_IsRefusedUnderItsField_AndTheOldNameStays()
    {
        var office = await GeneralOfficeAsync("08");
        var before = await HeadAsync(office.Id);
        var directory = await factory.AsAsync<OrganisationDirectory>("admin");

        var error = await directory.SetHeadAsync(office.Id, new string('ب', TextLength.Name + 1));

        Assert.Contains("۲۰۰", error);
        Assert.Equal(before, await HeadAsync(office.Id));
    }

    [Theory]
    [InlineData("golestan.director")] // another province's director-general: the unit is not in their scope
    [InlineData("kerman.treatment")]
    [InlineData("kerman.generaloffice")]
    public async Task NoOtherRole_NorAnotherProvince_RecordsIt(string userName)
    {
        var office = await GeneralOfficeAsync("08");
        var before = await HeadAsync(office.Id);
        var directory = await factory.AsAsync<OrganisationDirectory>(userName);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => directory.SetHeadAsync(office.Id, "کسی دیگر"));

        Assert.Equal("Organisation.HeadNotYours", refusal.Key);
        Assert.Equal(before, await HeadAsync(office.Id));
        if (await directory.FindAsync(office.Id) is { } seen) Assert.False(seen.CanSetHead);
    }
}
