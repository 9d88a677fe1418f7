using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;

namespace Portal.Tests.Organisation;

/// <summary>The read models hand each role only the personal fields <see cref="Portal.Domain.Security.PersonalData"/> allows it.</summary>
public sealed class PersonalDataReadTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Agency> AgencyAsync(string code)
    {
        await using var db = Acting.SystemDb(factory);
        return await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == code);
    }

    [Fact]
    public async Task CallCentre_ReadsAnAgencysManager_ByNameAndMobilesLastFour_WithoutNationalId()
    {
        var agency = await AgencyAsync("AG-08001");
        var directory = await factory.AsAsync<OrganisationDirectory>("callcenter");

        var facts = (await directory.FindAsync(agency.Id))!.Agency!;

        Assert.Equal(agency.ManagerName, facts.ManagerName);
        Assert.Null(facts.ManagerNationalId);
        Assert.Equal(new string('•', agency.ManagerMobile.Length - 4) + agency.ManagerMobile[^4..], facts.ManagerMobile);
    }

    [Fact]
    public async Task HeadOffice_ReadsAnAgencysManager_Whole()
    {
        var agency = await AgencyAsync("AG-08001");
        var directory = await factory.AsAsync<OrganisationDirectory>("headoffice");

        var facts = (await directory.FindAsync(agency.Id))!.Agency!;

        Assert.Equal(agency.ManagerNationalId, facts.ManagerNationalId);
        Assert.Equal(agency.ManagerMobile, facts.ManagerMobile);
    }

    /// <summary>A Kerman file sent to the governor's office with one debtor, whose employer is a person (a national ID).</summary>
    private async Task<int> FileSentToTheGovernorAsync(string employerNationalId)
    {
        var at = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        await using var db = Acting.SystemDb(factory);
        var kerman = await db.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();
        var centre = await db.OrgUnits.OfType<MedicalCenter>().Where(m => m.ProvinceId == kerman).Select(m => m.Id).FirstAsync();
        var workshop = new DebtorWorkshop(kerman, $"{Random.Shared.Next(10_000_000, 99_999_999)}", "کارگاه خیاطی نمونه", employerNationalId,
            50_000_000, new JalaliMonth(1392, 1), new JalaliMonth(1395, 12));
        var claim = new CenterClaim(kerman, centre, 40_000_000, new JalaliMonth(1398, 1), new JalaliMonth(1398, 12));
        db.AddRange(workshop, claim);
        await db.SaveChangesAsync();
        var file = new OffsetFile(kerman, "پرونده تهاتر داده‌های شخصی", "kerman.generaloffice", at);
        file.Compile([workshop], [claim]);
        file.Send($"08/1405/{Random.Shared.Next(100, 999)}", VerificationCodes.New(), new OffsetFilePapers(new string('a', 64), new string('b', 64), new string('c', 64)), "kerman.director", at);
        db.Add(file);
        await db.SaveChangesAsync();
        return file.Id;
    }

    [Fact]
    public async Task Governor_ReadsAFileSentToIt_WithoutTheEmployersNationalId()
    {
        var nationalId = NationalId.WithCheckDigit("312345678");
        var file = await FileSentToTheGovernorAsync(nationalId);

        var asGovernor = (await (await factory.AsAsync<OffsetBoard>("kerman.governor")).FileAsync(file))!;
        var asGeneralOffice = (await (await factory.AsAsync<OffsetBoard>("kerman.generaloffice")).FileAsync(file))!;

        Assert.Equal("", Assert.Single(asGovernor.Debtors).NationalId);
        Assert.Equal(nationalId, Assert.Single(asGeneralOffice.Debtors).NationalId);
    }

    [Theory]
    [InlineData("callcenter")]
    [InlineData("kerman.governor")]
    public async Task OrganisationPage_OfAnAgency_ShowsNoNationalIdOrWholeMobile(string user)
    {
        var agency = await AgencyAsync("AG-08001");
        var client = await PortalFactory.SignedInClientAsync(factory, user);

        var response = await client.GetAsync($"/organisation/{agency.Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(agency.ManagerNationalId, html);
        Assert.DoesNotContain(agency.ManagerMobile, html);
        if (user == "callcenter")
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(agency.ManagerName, html);
            Assert.Contains(agency.ManagerMobile[^4..], html);
        }
    }

    [Fact]
    public async Task OrganisationPage_ForHeadOffice_ShowsTheManagersNationalId()
    {
        var agency = await AgencyAsync("AG-08001");
        var client = await PortalFactory.SignedInClientAsync(factory, "headoffice");

        var html = await client.GetStringAsync($"/organisation/{agency.Id}");

        Assert.Contains(agency.ManagerNationalId, html);
    }
}
