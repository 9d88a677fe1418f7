using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Rollout;

namespace Portal.Tests.Agencies;

/// <summary>The registry on a real SQLite database, acting as the seeded demo users of Kerman (08) and Golestan (27).</summary>
public sealed class AgencyRegistryTests : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly PortalFactory _factory;
    private static readonly JalaliDate Effective = JalaliDate.Create(1405, 9, 1);

    public AgencyRegistryTests(PortalFactory factory) => _factory = factory;
    public async Task InitializeAsync() => await _factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(AgencyRegistry Registry, AgencyRegistry.Details Details)> OpenAsync(string user, string code)
    {
        var registry = await _factory.AsAsync<AgencyRegistry>(user);
        var details = await registry.FindAsync(await Acting.AgencyIdAsync(_factory, code));
        return (registry, details!);
    }

    [Fact]
    public async Task ChangingManager_RaisesOneNotice_InTheProvincesTreatmentInbox_AndAcknowledgingIsSeenByTheGeneralOffice()
    {
        var (registry, d) = await OpenAsync("kerman.generaloffice", "AG-08002");
        var form = AgencyProfileForm.From(d.Agency);
        form.ManagerName = "مهدی كريمي"; // Arabic kaf and yeh are stored as Persian letters
        form.ManagerNationalId = "۰۴۹۹۳۷۰۸۹۹";
        Assert.Empty(await registry.SaveAsync(d.Agency.Id, form, d.Agency.ReviewOfficeId, d.Agency.Version, Effective));

        var inbox = await _factory.AsAsync<ChangeNoticeInbox>("kerman.treatment");
        var notice = Assert.Single((await inbox.ListAsync(true, 0, 50)).Rows, n => n.AgencyCode == "AG-08002");
        Assert.Equal(ChangeKind.Manager, notice.Kind);
        Assert.Contains(new NoticeField(nameof(Agency.ManagerName), notice.Fields.Single(f => f.Field == nameof(Agency.ManagerName)).Before, "مهدی کریمی"), notice.Fields);
        Assert.Equal("0499370899", notice.Fields.Single(f => f.Field == nameof(Agency.ManagerNationalId)).After);
        Assert.Equal("kerman.generaloffice", notice.RaisedBy);
        Assert.Equal(FullName("kerman.generaloffice"), notice.RaisedByName);
        Assert.Equal(Effective.ToDateOnly(), notice.EffectiveDate);
        Assert.True(await inbox.WaitingAsync() >= 1);
        Assert.DoesNotContain((await (await _factory.AsAsync<ChangeNoticeInbox>("golestan.treatment")).ListAsync(false, 0, 50)).Rows, r => r.AgencyCode == "AG-08002");

        await inbox.AcknowledgeAsync(notice.Id);
        var seenByGeneralOffice = (await (await _factory.AsAsync<ChangeNoticeInbox>("kerman.generaloffice")).ListAsync(false, 0, 50)).Rows.Single(n => n.Id == notice.Id);
        Assert.Equal("kerman.treatment", seenByGeneralOffice.AcknowledgedBy);
        Assert.NotNull(seenByGeneralOffice.AcknowledgedAt);
        await Assert.ThrowsAsync<DomainException>(() => inbox.AcknowledgeAsync(notice.Id));
    }

    [Fact]
    public async Task ChangingOnlyThePhone_RaisesNoNotice_ButIsInTheHistory()
    {
        var (registry, d) = await OpenAsync("kerman.generaloffice", "AG-08001");
        var before = await CountNoticesAsync(d.Agency.Id);
        var form = AgencyProfileForm.From(d.Agency);
        form.Phone = "03432224455";
        Assert.Empty(await registry.SaveAsync(d.Agency.Id, form, d.Agency.ReviewOfficeId, d.Agency.Version, Effective));
        Assert.Equal(before, await CountNoticesAsync(d.Agency.Id));
        var history = await registry.HistoryAsync(d.Agency.Id);
        Assert.Contains(history, e => e.Entry.Entity == "Agency" && e.Entry.Changes.Contains("03432224455") && e.Entry.UserName == "kerman.generaloffice");
    }

    [Fact]
    public async Task MovingTheAgency_RaisesALocationNotice_WhileTheSameAddressWithPersianDigitsDoesNot()
    {
        var (registry, d) = await OpenAsync("kerman.generaloffice", "AG-08001");
        var form = AgencyProfileForm.From(d.Agency);
        form.Address = TextNormalizer.ToPersianDigits(d.Agency.Address!);
        Assert.Empty(await registry.SaveAsync(d.Agency.Id, form, d.Agency.ReviewOfficeId, d.Agency.Version, Effective));
        var before = await CountNoticesAsync(d.Agency.Id);

        (registry, d) = await OpenAsync("kerman.generaloffice", "AG-08001");
        form = AgencyProfileForm.From(d.Agency);
        form.Address = "کرمان، بلوار جمهوری، پلاک ۱۲";
        Assert.Empty(await registry.SaveAsync(d.Agency.Id, form, d.Agency.ReviewOfficeId, d.Agency.Version, Effective));
        await using var db = Acting.SystemDb(_factory);
        var notices = await db.ChangeNotices.Where(n => n.AgencyId == d.Agency.Id).ToListAsync();
        Assert.Equal(before + 1, notices.Count);
        Assert.Equal(ChangeKind.Location, notices.OrderBy(n => n.Id).Last().Kind);
    }

    [Fact]
    public async Task InvalidProfile_NamesEachFailingField_AndSavesNothing()
    {
        var (registry, d) = await OpenAsync("kerman.generaloffice", "AG-08001");
        var form = AgencyProfileForm.From(d.Agency);
        form.ManagerNationalId = "0499370898";
        form.PostalCode = "123";
        form.BankConfirmedOn = null;
        form.BankLetterNo = "45/123";
        var errors = await registry.SaveAsync(d.Agency.Id, form, d.Agency.ReviewOfficeId, d.Agency.Version, Effective);
        Assert.Equal(["BankConfirmedOn", "ManagerNationalId", "PostalCode"], errors.Keys.Order());
        var (_, unchanged) = await OpenAsync("kerman.generaloffice", "AG-08001");
        Assert.Equal(d.Agency.Version, unchanged.Agency.Version);
    }

    [Fact]
    public async Task FutureBankConfirmation_AndANameLongerThanTheColumn_AreRefusedByField_AndNothingIsSaved()
    {
        var (registry, d) = await OpenAsync("kerman.generaloffice", "AG-08001");
        var form = AgencyProfileForm.From(d.Agency);
        form.Name = new string('ک', TextLength.Name + 1);
        form.Sheba = "IR062960000000100324200001";
        form.BankConfirmedOn = "1406/01/15";
        form.BankLetterNo = "45/123";

        var errors = await registry.SaveAsync(d.Agency.Id, form, d.Agency.ReviewOfficeId, d.Agency.Version, Effective);

        Assert.Equal(["BankConfirmedOn", "Name"], errors.Keys.Order());
        Assert.Contains("بعد از امروز", errors["BankConfirmedOn"]);
        Assert.Contains("۲۰۰", errors["Name"]);
        var (_, unchanged) = await OpenAsync("kerman.generaloffice", "AG-08001");
        Assert.Equal(d.Agency.Version, unchanged.Agency.Version);
    }

    [Fact]
    public async Task ClosingAnAgency_OnADayStillToCome_IsRefused_NamingTheClosingDate()
    {
        var (registry, d) = await OpenAsync("kerman.generaloffice", "AG-08002");
        var future = JalaliDate.Today(TimeProvider.System).AddDays(20);
        var closing = AgencyProfileForm.From(d.Agency);
        closing.Status = AgencyStatus.Closed;

        var errors = await registry.SaveAsync(d.Agency.Id, closing, d.Agency.ReviewOfficeId, d.Agency.Version, future);

        Assert.StartsWith("تاریخ بسته شدن کارگزاری", errors["Effective"]);
        var (_, still) = await OpenAsync("kerman.generaloffice", "AG-08002");
        Assert.False(still.Agency.IsClosed);
    }

    [Fact]
    public async Task StaleEdit_IsRefused_InsteadOfOverwritingAColleague()
    {
        var (registry, d) = await OpenAsync("kerman.generaloffice", "AG-08002");
        var form = AgencyProfileForm.From(d.Agency);
        Assert.Empty(await registry.SaveAsync(d.Agency.Id, form, d.Agency.ReviewOfficeId, d.Agency.Version, Effective));
        await Assert.ThrowsAsync<DomainException>(() => registry.SaveAsync(d.Agency.Id, form, d.Agency.ReviewOfficeId, d.Agency.Version, Effective));
    }

    [Fact]
    public async Task Agency_GeneralOfficeOfAnotherProvince_NeitherReadsNorChangesIt()
    {
        var kermanAgency = await Acting.AgencyIdAsync(_factory, "AG-08001");
        var golestan = await _factory.AsAsync<AgencyRegistry>("golestan.generaloffice");
        Assert.Null(await golestan.FindAsync(kermanAgency));
        Assert.Empty(await golestan.HistoryAsync(kermanAgency));
        var ex = await Assert.ThrowsAsync<DomainException>(() => golestan.SaveAsync(kermanAgency, new AgencyProfileForm
        {
            Name = "x", City = "x", Address = "x", PostalCode = "1234567891", Phone = "03432224455", ManagerName = "x",
            ManagerNationalId = "0499370899", ManagerMobile = "09121234567",
        }, 1, Guid.Empty, Effective));
        Assert.Equal(await Messages("Agency.NotFound"), ex.Message);
        await Assert.ThrowsAsync<DomainException>(() => golestan.NameRepresentativeAsync(kermanAgency, new("علی رضایی", "0499370899", "09121234567")));
        var search = await _factory.AsAsync<AgencySearch>("golestan.generaloffice");
        Assert.DoesNotContain((await search.AllAsync(new AgencyFilter(), AgencySort.Code, false)), r => r.Code.StartsWith("AG-08"));
    }

    [Fact]
    public async Task AgencyManager_ReadsOnlyTheirOwnAgency_AndNamesRepresentatives()
    {
        var own = await Acting.AgencyIdAsync(_factory, "AG-08001");
        var other = await Acting.AgencyIdAsync(_factory, "AG-08002");
        var manager = await _factory.AsAsync<AgencyRegistry>("kerman.agency.manager");
        Assert.Null(await manager.FindAsync(other));
        await Assert.ThrowsAsync<DomainException>(() => manager.NameRepresentativeAsync(other, new("علی رضایی", "0499370899", "09121234567")));

        await manager.NameRepresentativeAsync(own, new("زهرا  احمدي", "۱۲۳۴۵۶۷۸۹۱", "۰۹۱۲۱۲۳۴۵۶۷"));
        var details = await manager.FindAsync(own);
        var added = Assert.Single(details!.Agency.Representatives, r => r.NationalId == "1234567891");
        Assert.Equal("زهرا احمدی", added.Name);
        await Assert.ThrowsAsync<DomainException>(() => manager.NameRepresentativeAsync(own, new("زهرا احمدی", "1234567891", "09121234567")));
        await Refused.ByRoleAsync(() => manager.SaveAsync(own, AgencyProfileForm.From(details.Agency), details.Agency.ReviewOfficeId, details.Agency.Version, Effective));
    }

    [Fact]
    public async Task ClosedAgency_NewRepresentativeOrUser_IsRefused()
    {
        var (registry, d) = await OpenAsync("golestan.generaloffice", "AG-27002");
        var form = AgencyProfileForm.From(d.Agency);
        form.Status = AgencyStatus.Closed;
        Assert.Empty(await registry.SaveAsync(d.Agency.Id, form, d.Agency.ReviewOfficeId, d.Agency.Version, Effective));
        var rep = await Assert.ThrowsAsync<DomainException>(() => registry.NameRepresentativeAsync(d.Agency.Id, new("علی رضایی", "0499370899", "09121234567")));
        Assert.Contains("بسته", rep.Message);
        await Assert.ThrowsAsync<DomainException>(() => registry.AddUserAsync(d.Agency.Id, "closed.user", "کاربر تازه", Portal.Domain.Security.Roles.AgencyUser, Effective));
    }

    [Fact]
    public async Task AddingAnAgencyUser_RaisesAUsersNotice_AndReturnsAFirstPassword()
    {
        var id = await Acting.AgencyIdAsync(_factory, "AG-27001");
        var registry = await _factory.AsAsync<AgencyRegistry>("golestan.generaloffice");
        var password = await registry.AddUserAsync(id, "golestan.new.clerk", "کاربر تازه", Portal.Domain.Security.Roles.AgencyUser, Effective);
        Assert.Equal(16, password.Length);
        await using var db = Acting.SystemDb(_factory);
        var notice = await db.ChangeNotices.Where(n => n.AgencyId == id && n.Kind == ChangeKind.Users).OrderBy(n => n.Id).LastAsync();
        Assert.Contains("golestan.new.clerk", notice.After);
        Assert.DoesNotContain("golestan.new.clerk", notice.Before);
    }

    [Fact]
    public async Task Readiness_IsDerivedFromFacts_RepresentativeWithoutTrainingHoldsTheAgencyBack()
    {
        var id = await Acting.AgencyIdAsync(_factory, "AG-27001");
        var registry = await _factory.AsAsync<AgencyRegistry>("golestan.generaloffice");
        var before = (await registry.FindAsync(id))!.Readiness;
        await registry.NameRepresentativeAsync(id, new("نماینده تازه", "0012345679", "09121234567"));
        var after = (await registry.FindAsync(id))!.Readiness;
        Assert.True(after.Position <= (int)ReadinessStep.RepresentativesNamed, $"was {before.Position}, now {after.Position}");
        Assert.False(after.Checklist.Single(c => c.Step == ReadinessStep.TheoryTrained).Done);
        Assert.False(after.Checklist.Single(c => c.Step == ReadinessStep.ContractSigned).Done);
        Assert.True(after.IsOverdue(new DateOnly(2026, 11, 23))); // Golestan went live in 1397
        Assert.Contains(ReadinessStep.TheoryTrained, after.Missing);
    }

    [Fact]
    public async Task Search_AnyDigitsAndLetters_FindsTheName()
    {
        var search = await _factory.AsAsync<AgencySearch>("kerman.generaloffice");
        var (rows, total) = await search.SearchAsync(new AgencyFilter("كد ۰۸۰۰۱"), AgencySort.Code, false, 0, 50); // Arabic kaf, Persian digits
        Assert.Equal(1, total);
        Assert.Equal("AG-08001", Assert.Single(rows).Code);
    }

    private async Task<int> CountNoticesAsync(int agencyId)
    {
        await using var db = Acting.SystemDb(_factory);
        return await db.ChangeNotices.CountAsync(n => n.AgencyId == agencyId);
    }

    private static string FullName(string userName) => Portal.Demo.DemoSeeder.Accounts.Single(a => a.UserName == userName).FullName;

    [Fact]
    public async Task AddingAUser_RaisesAUsersNotice_FromTheDateEntered_RecordedByTheClerksName()
    {
        var id = await Acting.AgencyIdAsync(_factory, "AG-08001");
        var entered = JalaliDate.Create(1405, 8, 25);
        var registry = await _factory.AsAsync<AgencyRegistry>("kerman.generaloffice");
        await registry.AddUserAsync(id, "kerman.late.clerk", "کاربر دیرآمده", Portal.Domain.Security.Roles.AgencyUser, entered);

        var notice = (await registry.FindAsync(id))!.Notices.First(n => n.Kind == ChangeKind.Users);
        Assert.Equal(entered.ToDateOnly(), notice.EffectiveDate);
        Assert.Equal(FullName("kerman.generaloffice"), notice.RaisedByName);
        var users = Assert.Single(notice.Fields);
        Assert.Equal("Users", users.Field);
        Assert.Contains("kerman.late.clerk", users.After);
        Assert.DoesNotContain("kerman.late.clerk", users.Before);
    }

    [Fact]
    public async Task SeededNotices_AreRecordedByTheProvincesClerk_NotTheSystem_WithTheirOwnEffectiveDates()
    {
        var today = JalaliDate.Today(TimeProvider.System).ToDateOnly();
        var rows = new List<ChangeNoticeInbox.Row>();
        foreach (var user in new[] { "kerman.treatment", "golestan.treatment" })
            rows.AddRange((await (await _factory.AsAsync<ChangeNoticeInbox>(user)).ListAsync(false, 0, 200)).Rows);
        var seeded = rows.Where(r => r.RaisedBy.EndsWith(".generaloffice")).ToList();

        Assert.NotEmpty(seeded);
        Assert.DoesNotContain(rows, r => r.RaisedBy == "system");
        Assert.All(seeded, r => Assert.Equal(FullName(r.RaisedBy), r.RaisedByName));
        Assert.Contains(seeded, r => r.EffectiveDate != today);
        Assert.All(seeded.Where(r => r.Kind != ChangeKind.Users), r => Assert.Equal(3, r.Fields.Count)); // name, national ID, mobile: side by side, not one dash-joined text
    }

    private static Task<string> Messages(string key) =>
        Task.FromResult(new System.Resources.ResourceManager("Portal.Domain.Common.Messages", typeof(JalaliDate).Assembly).GetString(key, System.Globalization.CultureInfo.CurrentUICulture)!);
}
