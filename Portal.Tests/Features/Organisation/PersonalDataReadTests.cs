using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Organisation;

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

    [Fact]
    public async Task Governor_ReadsTheFilesSentToIt_WithoutEmployersNationalIds()
    {
        var board = await factory.AsAsync<OffsetBoard>("kerman.governor");
        var files = await board.FilesAsync();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var details = (await board.FileAsync(file.Id))!;
            Assert.NotEmpty(details.Debtors);
            Assert.All(details.Debtors, d => Assert.Equal("", d.NationalId));
        }
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
