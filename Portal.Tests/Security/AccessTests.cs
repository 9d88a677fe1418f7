using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Tests.Security;

public sealed class AccessTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly PortalFactory _factory = portal;

    public async Task InitializeAsync() => await _factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> AgencyIdAsync(string code)
    {
        await using var db = PortalDb.Open(_factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), Actor.System);
        return await db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task KermanTreatment_GolestanAgencyById_IsNotFound()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "kerman.treatment");
        var response = await client.GetAsync($"/organisation/{await AgencyIdAsync("AG-27001")}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("AG-27001", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task KermanTreatment_KermanAgencyById_IsShown()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "kerman.treatment");
        var response = await client.GetAsync($"/organisation/{await AgencyIdAsync("AG-08001")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AG-08001", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HeadOffice_AnyProvinceAgency_IsShown()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "headoffice");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/organisation/{await AgencyIdAsync("AG-27001")}")).StatusCode);
    }

    [Fact]
    public async Task AgencyUser_AdminPage_IsDenied()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "kerman.agency.user");
        var response = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task AgencyUser_Organisation_IsDenied()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "kerman.agency.user");
        var response = await client.GetAsync("/organisation");
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Governor_Organisation_IsDenied_ItSeesNothingOfTheAgenciesOrUnits()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "kerman.governor");
        var response = await client.GetAsync("/organisation");
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Admin_UsersPage_Lists()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "admin");
        var response = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownPage_SignedIn_IsPersianNotFound()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "headoffice");
        var response = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("یافت نشد", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_WithDatabase_Is200()
    {
        var response = await _factory.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
