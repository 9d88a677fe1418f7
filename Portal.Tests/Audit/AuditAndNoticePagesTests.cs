using System.Text.RegularExpressions;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Audit;
using Portal.Features.Agencies;
using Portal.Features.Audit;

namespace Portal.Tests.Audit;

/// <summary>The audit log and the change notices as pages: Persian labels, names and dates, old and new side by side.</summary>
public sealed class AuditAndNoticePagesTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NoticeTable_ShowsEachFieldWithItsLabel_OldAndNewSideBySide_TheRecordersName_AndTheEnteredDate()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var row = new ChangeNoticeInbox.Row(1, 7, "AG-08001", "کارگزاری یک", ChangeKind.Manager,
            [new(nameof(Agency.ManagerName), "علی رضایی", "مریم احمدی"), new(nameof(Agency.ManagerNationalId), "0499370899", "0012345679"),
             new(nameof(Agency.ManagerMobile), "09131234567", "09131234567")],
            new DateOnly(2026, 11, 22), DateTimeOffset.UtcNow, "kerman.generaloffice", "کارشناس اداره کل کرمان", null, null, null);

        var cut = ctx.Render<NoticeTable>(p => p.Add(t => t.InboxRows, [row]));

        var fields = cut.FindAll("[data-testid=notice-field]").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["نام مسئول", "علی رضایی", "مریم احمدی"], fields[0]);
        Assert.Equal(["کد ملی مسئول", "۰۴۹۹۳۷۰۸۹۹", "۰۰۱۲۳۴۵۶۷۹"], fields[1]);
        Assert.Equal("۱۴۰۵/۰۹/۰۱", cut.Find("[data-testid=notice-effective]").TextContent.Trim());
        Assert.Contains("کارشناس اداره کل کرمان", cut.Find("[data-testid=notice-raised]").TextContent);
        Assert.DoesNotContain(" - ", cut.Find("[data-testid=notice-row]").TextContent);
    }

    [Fact]
    public async Task AuditLog_ReadsInPersian_WithTheRecordsLink_AndTheRawFormOneClickAway()
    {
        var id = await Acting.AgencyIdAsync(portal, "AG-08001");
        var registry = await portal.AsAsync<AgencyRegistry>("kerman.generaloffice");
        var d = (await registry.FindAsync(id))!;
        var form = AgencyProfileForm.From(d.Agency);
        form.ManagerName = "بهاره نادری";
        Assert.Empty(await registry.SaveAsync(id, form, d.Agency.ReviewOfficeId, d.Agency.Version, Portal.Domain.Common.JalaliDate.Create(1405, 9, 1)));

        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        await ctx.UsePortalAsync(portal, "admin");
        ctx.Services.AddScoped<AuditSearch>();

        var cut = ctx.Render<AuditLog>();
        var row = cut.WaitForElement("[data-testid=audit-table] tbody tr", TimeSpan.FromSeconds(20));
        cut.WaitForAssertion(() => Assert.Contains("بهاره نادری", cut.Find("[data-testid=audit-table] tbody").TextContent), TimeSpan.FromSeconds(20));

        var first = cut.FindAll("[data-testid=audit-table] tbody > tr").First(tr => tr.TextContent.Contains("بهاره نادری"));
        Assert.Contains("کارشناس اداره کل", first.QuerySelector("[data-testid=audit-who]")!.TextContent);
        Assert.Contains("کارگزاری", first.QuerySelector("[data-testid=audit-record]")!.TextContent);
        Assert.Equal($"agencies/{id}", first.QuerySelector("[data-testid=audit-record-link]")!.GetAttribute("href"));
        Assert.Contains("نام مسئول", first.QuerySelector("[data-testid=audit-fields]")!.TextContent);
        Assert.Matches("^[۰-۹/: ]+$", first.QuerySelector("[data-testid=audit-at]")!.TextContent.Trim());
        Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-", first.TextContent); // no GUIDs on the face of it
        Assert.DoesNotContain("ManagerName", first.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=audit-raw]"));

        first.QuerySelector("[data-testid=audit-raw-toggle]")!.Click();

        var raw = cut.WaitForElement("[data-testid=audit-raw]");
        Assert.Contains("\"ManagerName\"", raw.TextContent);
        Assert.Matches(new Regex("\"Version\""), raw.TextContent);
    }
}
