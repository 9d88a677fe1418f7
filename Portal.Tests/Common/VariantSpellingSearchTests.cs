using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.MonthlyStats;
using Portal.Domain.Organisation;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.Domain.SignIn;

namespace Portal.Tests.Common;

/// <summary>
/// A clerk types a word the way their keyboard or habit writes it; every list finds the rows stored with another
/// spelling of it (hamza, diacritics, half-space, Latin case), and duplicate checks take the spellings as one name.
/// </summary>
public sealed class VariantSpellingSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string AgencyCode = "AG-08901";
    private const string AgencyName = "کارگزاری تأمین می‌روم";
    private const string ManagerName = "مُحَمَّد رضایی";
    private const string UserName = "variant.clerk";

    public async Task InitializeAsync()
    {
        await factory.SeededAsync();
        await using var db = Acting.SystemDb(factory);
        if (await db.OrgUnits.AnyAsync(u => u.Code == AgencyCode)) return;
        var province = await db.Provinces.SingleAsync(p => p.Code == "08");
        var generalOffice = await db.OrgUnits.SingleAsync(u => u.Code == "GO-08-1");
        var reviewOffice = await db.OrgUnits.FirstAsync(u => u.Kind == UnitKind.ReviewOffice && u.ProvinceId == province.Id);
        var agency = new Agency(AgencyCode, AgencyName, province, generalOffice, reviewOffice);
        agency.AppointManager(ManagerName, "0010350829", "09121234567");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var user = new PortalUser(UserName, "مُحَمَّد تأمین‌پور", agency.Id, DateTimeOffset.UtcNow);
        db.Users.Add(user);
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.AgencyUser);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        db.AuditEntries.Add(new AuditEntry(DateTimeOffset.UtcNow, UserName, "Probe", "variant", AuditAction.Added, "{}"));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("تامین")]
    [InlineData("محمد")]
    [InlineData("میروم")]
    [InlineData("می روم")]
    [InlineData("ag-08901")]
    public async Task AgencyList_StoredWithAnotherSpelling_FindsTheAgency(string typed)
    {
        var search = await factory.AsAsync<AgencySearch>("kerman.generaloffice");
        var (rows, _) = await search.SearchAsync(new AgencyFilter(typed), AgencySort.Code, false, 0, 50);
        Assert.Contains(rows, r => r.Code == AgencyCode);
    }

    [Fact]
    public async Task AgencyList_LatinCodeInLowerCase_FindsTheSeededAgency()
    {
        var search = await factory.AsAsync<AgencySearch>("kerman.generaloffice");
        var (rows, total) = await search.SearchAsync(new AgencyFilter("ag-08001"), AgencySort.Code, false, 0, 50);
        Assert.Equal(1, total);
        Assert.Equal("AG-08001", Assert.Single(rows).Code);
    }

    [Theory]
    [InlineData("تامین")]
    [InlineData("میروم")]
    [InlineData("AG-08901")]
    [InlineData("ag-08901")]
    public async Task UnitDirectory_StoredWithAnotherSpelling_FindsTheUnit(string typed)
    {
        var directory = await factory.AsAsync<OrganisationDirectory>("admin");
        var page = await directory.SearchAsync(typed, null, null, 0, 50);
        Assert.Contains(page.Rows, r => r.Code == AgencyCode);
    }

    [Theory]
    [InlineData("محمد")]
    [InlineData("تامین پور")]
    [InlineData("VARIANT.CLERK")]
    [InlineData("میروم")] // through the user's unit
    public async Task UserList_StoredWithAnotherSpelling_FindsTheAccount(string typed)
    {
        var admin = new UserAdministration(factory.Services.GetRequiredService<IServiceScopeFactory>(),
            new ActingAs(await Acting.ActorAsync(factory, "admin")), TimeProvider.System);
        var (rows, _) = await admin.ListAsync(typed, 0, 50);
        Assert.Contains(rows, r => r.UserName == UserName);
    }

    [Fact]
    public async Task AuditLog_UserNameInAnotherCase_FindsTheEntries()
    {
        var search = await factory.AsAsync<AuditSearch>("admin");
        var (rows, _) = await search.SearchAsync(new AuditSearch.Filter("Probe", null, "Variant.CLERK", null, null), 0, 10);
        Assert.Equal(["variant"], rows.Select(r => r.Key));
    }

    [Fact]
    public async Task ClaimCategory_NamedWithAnotherSpellingOfAnExistingName_IsADuplicate()
    {
        var categories = await factory.AsAsync<ClaimCategories>("admin");
        await categories.AddAsync("خدمات تأمین‌شده", "Insured services");
        var refused = await Assert.ThrowsAsync<DomainException>(() => categories.AddAsync("خدمات تامین شده", "Insured services 2"));
        Assert.Equal("Monthly.CategoryNameTaken", refused.Key);
    }

    [Fact]
    public async Task SearchColumn_RowsFromBeforeIt_AreFoundAfterTheMigrateStep()
    {
        await using (var db = Acting.SystemDb(factory))
            await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Code == AgencyCode).ExecuteUpdateAsync(s => s.SetProperty(u => u.SearchText, ""));

        await DatabaseSetup.MigrateAsync(factory.Services);

        var search = await factory.AsAsync<AgencySearch>("kerman.generaloffice");
        var (rows, _) = await search.SearchAsync(new AgencyFilter("تامین"), AgencySort.Code, false, 0, 50);
        Assert.Contains(rows, r => r.Code == AgencyCode);
    }
}
