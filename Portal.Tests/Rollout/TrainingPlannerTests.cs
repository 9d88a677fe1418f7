using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Rollout;

namespace Portal.Tests.Rollout;

/// <summary>Training and waves through the services on a real database, as the seeded review offices and admin.</summary>
public sealed class TrainingPlannerTests : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly PortalFactory _factory;
    // Sessions held before the portal's today (their attendance may be recorded).
    private static readonly JalaliDate Day = JalaliDate.Create(1405, 8, 10);

    public TrainingPlannerTests(PortalFactory factory) => _factory = factory;
    public async Task InitializeAsync() => await _factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> NewRepresentativeAsync(string code, string nationalId)
    {
        var registry = await _factory.AsAsync<AgencyRegistry>("admin");
        var agencyId = await Acting.AgencyIdAsync(_factory, code);
        await registry.NameRepresentativeAsync(agencyId, new("نماینده آزمون", nationalId, "09121234567"));
        await using var db = Acting.SystemDb(_factory);
        return await db.Representatives.Where(r => r.AgencyId == agencyId && r.NationalId == nationalId).Select(r => r.Id).SingleAsync();
    }

    [Fact]
    public async Task Representative_AttendsTheThreeStagesInOrder_AndTheAgencyStepsForward()
    {
        var rep = await NewRepresentativeAsync("AG-08001", "0012345679");
        var planner = await _factory.AsAsync<TrainingPlanner>("kerman.review");
        var theory = await planner.CreateAsync(TrainingStage.Theory, Day, "سالن آموزش", "مدرس", null);
        var practical = await planner.CreateAsync(TrainingStage.Practical, Day.AddDays(7), "واحد پذیرش", "مدرس", null);
        var atAgency = await planner.CreateAsync(TrainingStage.Supplementary, Day.AddDays(14), null, "مدرس", await Acting.AgencyIdAsync(_factory, "AG-08001"));

        Assert.Contains(await planner.CandidatesAsync(practical, null), c => c.RepresentativeId == rep);
        await planner.EnrolAsync(practical, [rep]);
        await Assert.ThrowsAsync<DomainException>(() => planner.RecordAsync(practical, rep, true, TrainingResult.Passed)); // stage 1 first

        foreach (var session in new[] { theory, atAgency }) await planner.EnrolAsync(session, [rep]);
        await planner.RecordAsync(theory, rep, true, TrainingResult.Passed);
        await planner.RecordAsync(practical, rep, true, TrainingResult.Passed);
        await planner.RecordAsync(atAgency, rep, true, TrainingResult.Passed);

        var supplementary = await planner.FindAsync(atAgency);
        Assert.Equal(await Acting.AgencyIdAsync(_factory, "AG-08001"), supplementary!.AgencyId);
        Assert.All(supplementary.Attendees, a => Assert.True(a.Attended));
        await Assert.ThrowsAsync<DomainException>(() => planner.RecordAsync(theory, rep, false, null)); // later stages stand on it
    }

    [Fact]
    public async Task ReviewOffice_CannotTrainAnotherProvincesRepresentatives_NorSeeTheirSessions()
    {
        var golestanRep = await NewRepresentativeAsync("AG-27001", "0023456787");
        var kerman = await _factory.AsAsync<TrainingPlanner>("kerman.review");
        var session = await kerman.CreateAsync(TrainingStage.Theory, Day, "سالن", "مدرس", null);
        Assert.DoesNotContain(await kerman.CandidatesAsync(session, null), c => c.RepresentativeId == golestanRep);
        await Assert.ThrowsAsync<DomainException>(() => kerman.EnrolAsync(session, [golestanRep]));
        var golestanAgency = await Acting.AgencyIdAsync(_factory, "AG-27001");
        await Assert.ThrowsAsync<DomainException>(() => kerman.CreateAsync(TrainingStage.Supplementary, Day, null, "مدرس", golestanAgency));

        var golestan = await _factory.AsAsync<TrainingPlanner>("golestan.review");
        Assert.Null(await golestan.FindAsync(session));
        await Assert.ThrowsAsync<DomainException>(() => golestan.EnrolAsync(session, [golestanRep]));
    }

    [Fact]
    public async Task Session_PlannedForLater_TakesAttendanceOnlyOnceHeld()
    {
        var rep = await NewRepresentativeAsync("AG-08002", "0034567895");
        var planner = await _factory.AsAsync<TrainingPlanner>("kerman.review");
        var planned = await planner.CreateAsync(TrainingStage.Theory, JalaliDate.Today(TimeProvider.System).AddDays(10), "سالن آموزش", "مدرس", null);
        await planner.EnrolAsync(planned, [rep]);

        var refused = await Assert.ThrowsAsync<DomainException>(() => planner.RecordAsync(planned, rep, true, TrainingResult.Passed));
        Assert.Equal("Training.NotYetHeld", refused.Key);
        Assert.Null((await planner.FindAsync(planned))!.Attendees.Single().Attended);
    }

    [Fact]
    public async Task ASessionsTrainer_LongerThanANameMayBe_IsRefusedNamingTheField()
    {
        var planner = await _factory.AsAsync<TrainingPlanner>("kerman.review");
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            planner.CreateAsync(TrainingStage.Theory, Day, "سالن", new string('م', TextLength.Name + 1), null));
        Assert.StartsWith("مدرس: ", refused.Message);
    }

    [Theory]
    [InlineData("-3", "1405/08/01", "تعداد ابزار: ")]
    [InlineData("0", "1405/08/01", "تعداد ابزار: ")]
    [InlineData("10001", "1405/08/01", "تعداد ابزار: ")]
    [InlineData("5", "1406/01/15", "تاریخ نصب ابزار: ")]
    public async Task InformationTools_OutOfRangeQuantityOrAFutureDate_IsRefusedNamingTheField_AndNothingIsSaved(string quantity, string date, string field)
    {
        var agency = await Acting.AgencyIdAsync(_factory, "AG-08001");
        var planning = await _factory.AsAsync<RolloutPlanning>("kerman.treatment");

        var refused = await Assert.ThrowsAsync<DomainException>(() => planning.RecordToolsAsync(agency, InformationTool.Poster, quantity, date));
        Assert.StartsWith(field, refused.Message);
        await using var db = Acting.SystemDb(_factory);
        Assert.False(await db.ToolDeployments.AnyAsync(t => t.AgencyId == agency && t.RecordedBy == "kerman.treatment"));
    }

    [Fact]
    public async Task OpeningAWave_MovesItsProvinces_AndTheirGoLiveDate()
    {
        var planning = await _factory.AsAsync<RolloutPlanning>("admin");
        await using var db = Acting.SystemDb(_factory);
        var qom = await db.Provinces.SingleAsync(p => p.Code == "18");
        await planning.OpenWaveAsync("مرحله آزمایشی", "1000/05/1", JalaliDate.Create(1406, 1, 15), [qom.Id]);

        var waves = await planning.WavesAsync();
        var wave = waves.Single(w => w.Name == "مرحله آزمایشی");
        Assert.Equal([qom.NameFa], wave.ProvincesFa);
        Assert.Equal(JalaliDate.Create(1406, 1, 15).ToDateOnly(), wave.GoLive);
        var readiness = (await (await _factory.AsAsync<RolloutDashboard>("headoffice")).OverviewAsync(wave.Id)).Provinces.Single();
        Assert.Equal(0, readiness.Overdue); // the go-live date is still ahead

        await Refused.ByRoleAsync(async () =>
            await (await _factory.AsAsync<RolloutPlanning>("headoffice")).OpenWaveAsync("x", null, Day, [qom.Id]));
    }
}
