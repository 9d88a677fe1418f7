using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Documents;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Domain.Security;
using Portal.Features.Eligibility;

namespace Portal.Tests.Eligibility;

/// <summary>
/// The inquiry report counts in the reader's scope: each centre its own inquiries, its province all of the province's
/// centres' (and its people's personal inquiries), another province none, head office all; the workbook adds up.
/// </summary>
public sealed class InquiryReportTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    // Days no other test writes to, so the counts are exactly what this class arranged.
    private static readonly JalaliDate First = new(1399, 1, 10), Last = new(1399, 1, 12);
    private int _centreA, _centreB, _branch, _kerman;

    public async Task InitializeAsync()
    {
        await portal.SeededAsync();
        await using var db = Acting.SystemDb(portal);
        _kerman = await db.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();
        _centreA = await UnitAsync(db, "MC-08-01");
        _centreB = await UnitAsync(db, "MC-08-02");
        _branch = await UnitAsync(db, "BR-08-01");
        // The fixture's database outlives each test: arrange once.
        if (await db.Inquiries.AnyAsync(i => i.Day == InquiryReport.DayKey(First))) return;
        Inquiry Row(JalaliDate day, InquiryChannel channel, int? centre, int? branch, bool covered, InquiryKind kind = InquiryKind.General) =>
            new(day.StartInstant.AddHours(10), InquiryReport.DayKey(day), kind, channel, centre is null ? "personal" : "user", centre, _kerman, branch,
                Insured.NewNationalId(), covered ? new CoverageDecision(true, day.AddDays(30).ToDateOnly(), CoverageReason.Covered) : CoverageDecision.No(CoverageReason.Unknown));
        db.Inquiries.AddRange(
            Row(First, InquiryChannel.Web, _centreA, _branch, true),
            Row(First, InquiryChannel.Api, _centreA, _branch, true),
            Row(Last, InquiryChannel.Fhir, _centreA, null, false),
            Row(First, InquiryChannel.Web, _centreB, null, false),
            Row(First.AddDays(1), InquiryChannel.Web, _centreB, _branch, false),
            Row(Last, InquiryChannel.Web, null, _branch, true, InquiryKind.Personal));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<int> UnitAsync(Portal.Domain.Data.PortalDbContext db, string code) => db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();

    private async Task<InquiryReport.Result> ReportAsync(Actor actor) => await new InquiryReport(Insured.DbAs(portal, actor)).ReportAsync(First, Last);

    private async Task<InquiryReport.Result> ReportAsync(string userName) => await ReportAsync(await Acting.ActorAsync(portal, userName));

    [Fact]
    public async Task EachCentre_SeesOnlyItsOwnInquiries_AndNoOfficeBreakdown()
    {
        var a = await ReportAsync("kerman.medical");
        var b = await ReportAsync(await Insured.ActorAsync(portal, Roles.MedicalCenter, "MC-08-02"));

        Assert.Equal((3, 2, 1), (a.Total.Total, a.Total.Covered, a.Total.NotCovered));
        Assert.Equal(_centreA.ToString(), Assert.Single(a.Centres).Key);
        Assert.Null(a.Offices);
        Assert.Equal((2, 0), (b.Total.Total, b.Total.Covered));
        Assert.Equal(_centreB.ToString(), Assert.Single(b.Centres).Key);
        Assert.Equal([2, 0, 1], a.Days.Select(d => d.Total));
        Assert.Equal(["Web", "Api", "Fhir"], a.Channels.Select(c => c.Key));
    }

    [Fact]
    public async Task TheProvince_SeesItsCentres_AndPersonalInquiries_AnotherProvinceNone_HeadOfficeAll()
    {
        var kerman = await ReportAsync("kerman.treatment");
        var golestan = await ReportAsync("golestan.treatment");
        var national = await ReportAsync("headoffice");

        Assert.Equal((6, 3), (kerman.Total.Total, kerman.Total.Covered));
        Assert.Equal(3, kerman.Centres.Single(c => c.Key == _centreA.ToString()).Total);
        Assert.Equal(2, kerman.Centres.Single(c => c.Key == _centreB.ToString()).Total);
        Assert.Equal(1, kerman.Centres.Single(c => c.Name is null).Total);
        Assert.Equal(4, kerman.Offices!.Single(o => o.Key == _branch.ToString()).Total);
        Assert.Equal(2, kerman.Offices!.Single(o => o.Name is null).Total);
        Assert.Equal(6, Assert.Single(kerman.Provinces).Total);
        Assert.Equal(0, golestan.Total.Total);
        Assert.All(golestan.Days, d => Assert.Equal(0, d.Total));
        Assert.Equal(6, national.Total.Total);
    }

    [Fact]
    public async Task Report_ReversedRange_IsRefused()
    {
        var report = await portal.AsAsync<InquiryReport>("headoffice");
        await Assert.ThrowsAsync<DomainException>(() => report.ReportAsync(Last, First));
    }

    [Fact]
    public async Task TheWorkbook_HasASheetPerDimension_WhoseTotalsEqualTheSumOfItsRows()
    {
        var report = await ReportAsync("kerman.treatment");
        await using var scope = portal.Services.CreateAsyncScope();
        using var culture = Portal.Tests.Support.CultureScope.Persian();

        using var workbook = new XLWorkbook(new MemoryStream(scope.ServiceProvider.GetRequiredService<InquirySheets>().Workbook(report)));

        Assert.Equal(5, workbook.Worksheets.Count);
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.True(sheet.RightToLeft);
            var last = sheet.LastRowUsed().RowNumber();
            for (var column = 2; column <= 4; column++)
            {
                var rows = Enumerable.Range(3, last - 3).Sum(r => sheet.Cell(r, column).GetValue<long>());
                Assert.Equal(rows, sheet.Cell(last, column).GetValue<long>());
            }
            Assert.Equal(6, sheet.Cell(last, 2).GetValue<long>());
            Assert.Equal(3, sheet.Cell(last, 3).GetValue<long>());
        }
    }

    [Fact]
    public async Task TheExcelEndpoint_GivesACentre_OnlyItsOwnCounts()
    {
        var client = await PortalFactory.SignedInClientAsync(portal, "kerman.medical");

        var response = await client.GetAsync("/eligibility/reports/inquiries.xlsx?from=1399-01-10&to=1399-01-12");

        response.EnsureSuccessStatusCode();
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal(4, workbook.Worksheets.Count);
        var days = workbook.Worksheets.First();
        Assert.Equal(3, days.Cell(days.LastRowUsed().RowNumber(), 2).GetValue<long>());
        var golestan = await PortalFactory.SignedInClientAsync(portal, "golestan.governor");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await golestan.GetAsync("/eligibility/reports/inquiries.xlsx")).StatusCode);
    }

    [Fact]
    public async Task ThePages_RenderForTheirRoles_AndRefuseOthers()
    {
        var centre = await PortalFactory.SignedInClientAsync(portal, "kerman.medical");
        var callCentre = await PortalFactory.SignedInClientAsync(portal, "callcenter");

        var report = await centre.GetStringAsync("/eligibility/report?from=1399-01-10&to=1399-01-12");
        Assert.Contains("۳ استعلام", report);
        Assert.Contains("data-testid=\"by-day\"", report);
        Assert.Contains("data-testid=\"national-id\"", await centre.GetStringAsync("/eligibility"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await callCentre.GetAsync("/eligibility/objections")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await callCentre.GetAsync("/eligibility/objections/new")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await callCentre.GetAsync("/eligibility/lookup")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await centre.GetAsync("/eligibility/objections")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await centre.GetAsync("/eligibility/lookup")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await callCentre.GetAsync("/eligibility")).StatusCode);
    }
}
