using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Booklets;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Eligibility;
using static Portal.Tests.Booklets.BookletsArrange;
using Ask = Portal.Domain.Booklets.BookletCounter.Ask;

namespace Portal.Tests.Booklets;

/// <summary>
/// The counter on the real database (seed 004 §4): a family decided member by member by the inquiry's own policy, each
/// service recorded done or refused with its reason, the booklet changed only with its record, and nothing recorded when
/// the central database fails midway.
/// </summary>
public sealed class BookletCounterTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static DateOnly Today => JalaliDate.Today(TimeProvider.System).ToDateOnly();

    [Fact]
    public async Task AFamily_FoundByAnyMember_IsDecidedMemberByMember_ExactlyAsTheInquiryDecides()
    {
        var family = await FamilyAsync(portal);
        var counter = await portal.AsAsync<BookletCounter>(Clerk);
        var inquiry = portal.Services.GetRequiredService<EligibilityDesk>();

        var found = (await counter.FindAsync(TextNormalizer.ToPersianDigits(family.Daughter.NationalId))).Value!;

        Assert.Equal(family.Main.Id, found.Principal.PersonId);
        Assert.Equal(family.All.Select(p => p.Id).Order(), found.Members.Select(m => m.PersonId).Order());
        foreach (var member in found.Members)
            Assert.Equal((await inquiry.DecideAsync(member.NationalId, Today)).Decision, member.Decision);
        var offers = found.Members.ToDictionary(m => m.PersonId, m => m.Extend);
        var endOfCover = found.Principal.Decision.EndsOn;
        Assert.All(new[] { family.Main, family.Spouse, family.Son }, p => Assert.Equal(new BookletCounter.Offer(BookletServiceType.Renewal, null, endOfCover), offers[p.Id]));
        Assert.Equal(BookletRefusal.SonWithoutCertificate, offers[family.OlderSon.Id].Refusal);
        Assert.Equal(BookletRefusal.DaughterWithoutBirthCertificate, offers[family.Daughter.Id].Refusal);
    }

    [Fact]
    public async Task AFamilyWhosePremiumsAreNotPaid_IsRefusedForEveryMember_TheDependantsBecauseOfTheirPrincipal()
    {
        var family = await FamilyAsync(portal, paid: false);
        var found = (await (await portal.AsAsync<BookletCounter>(Clerk)).FindAsync(family.Main.NationalId)).Value!;

        Assert.Equal(BookletRefusal.NotEnoughPremium, found.Principal.Extend.Refusal);
        Assert.All(found.Dependants, m => Assert.Equal(BookletRefusal.PrincipalNotCovered, m.Extend.Refusal));
    }

    [Fact]
    public async Task ARenewal_ExtendsTheBookletToTheEndOfCover_AndRecordsTheServiceWithTheOldAndNewValidity()
    {
        var family = await FamilyAsync(portal);
        var counter = await portal.AsAsync<BookletCounter>(Clerk);
        var found = (await counter.FindAsync(family.Main.NationalId)).Value!;
        var before = (await BookletAsync(portal, family.Spouse.Id))!;

        var receipt = await counter.ServeAsync(family.Spouse.Id, Ask.Extend, null, found.FoundAt);

        var after = (await BookletAsync(portal, family.Spouse.Id))!;
        var service = Assert.Single(await ServicesAsync(portal, family.Spouse.Id));
        Assert.Equal((BookletServiceType.Renewal, (BookletRefusal?)null, found.Principal.Decision.EndsOn), (receipt.Type, receipt.Refusal, receipt.NewValidUntil));
        Assert.Equal(found.Principal.Decision.EndsOn, after.ValidUntil);
        Assert.Equal(before.Serial, after.Serial);
        Assert.Equal((before.Serial, before.ValidUntil, after.ValidUntil), (service.BookletSerial, service.OldValidUntil!.Value, service.NewValidUntil!.Value));
        Assert.Equal((Clerk, "زهرا کرمانی", InsuranceRelation.Spouse), (service.UserName, service.PersonName, service.Relation));
        Assert.Equal(found.FoundAt.UtcTicks, service.RequestedAt.UtcTicks);
        Assert.NotNull(VerificationCodes.Read(service.VerificationCode));
        Assert.Equal(JalaliMonth.Of(service.At).Key, service.Month);

        // The same booklet again: already valid to the end of cover, refused and recorded as such.
        Assert.Equal(BookletRefusal.AlreadyValid, (await counter.ServeAsync(family.Spouse.Id, Ask.Extend, null, DateTimeOffset.UtcNow)).Refusal);
    }

    [Fact]
    public async Task ARefusedRequest_IsRecordedWithItsReason_AndNothingElseChanges()
    {
        var family = await FamilyAsync(portal);
        var before = (await BookletAsync(portal, family.OlderSon.Id))!;

        var receipt = await (await portal.AsAsync<BookletCounter>(Clerk)).ServeAsync(family.OlderSon.Id, Ask.Extend, null, DateTimeOffset.UtcNow);

        Assert.Equal(BookletRefusal.SonWithoutCertificate, receipt.Refusal);
        var service = Assert.Single(await ServicesAsync(portal, family.OlderSon.Id));
        Assert.Equal((BookletRefusal.SonWithoutCertificate, (DateOnly?)null, (string?)null), (service.Refusal!.Value, service.NewValidUntil, service.VerificationCode));
        Assert.Equal(before.ValidUntil, (await BookletAsync(portal, family.OlderSon.Id))!.ValidUntil);
        Assert.Equal(before.Version, (await BookletAsync(portal, family.OlderSon.Id))!.Version);
    }

    [Fact]
    public async Task ADuplicate_ReplacesTheBookletUnderANewSerial_WithItsReason_ANewBooklet_IsAFirstOne()
    {
        var family = await FamilyAsync(portal, true, null, "محمد");
        var counter = await portal.AsAsync<BookletCounter>(Clerk);
        var old = (await BookletAsync(portal, family.Main.Id))!;

        using (CultureScope.Persian())
            Assert.Equal("علت صدور المثنی (مفقودی یا تکمیل صفحات) را انتخاب کنید.",
                (await Assert.ThrowsAsync<DomainException>(() => counter.ServeAsync(family.Main.Id, Ask.Duplicate, null, DateTimeOffset.UtcNow))).Message);
        var duplicate = await counter.ServeAsync(family.Main.Id, Ask.Duplicate, ReplacementReason.Lost, DateTimeOffset.UtcNow);
        var first = await counter.ServeAsync(family.Son.Id, Ask.NewBooklet, null, DateTimeOffset.UtcNow);

        var replacement = (await BookletAsync(portal, family.Main.Id))!;
        Assert.NotEqual(old.Serial, replacement.Serial);
        Assert.Equal(duplicate.Serial, replacement.Serial);
        await using (var db = Acting.SystemDb(portal))
            Assert.NotNull((await db.Booklets.SingleAsync(b => b.Id == old.Id)).ReplacedAt);
        Assert.Equal(ReplacementReason.Lost, (await ServicesAsync(portal, family.Main.Id)).Last().ReplacementReason);
        Assert.Equal((BookletServiceType.NewBooklet, (BookletRefusal?)null), (first.Type, first.Refusal));
        Assert.Equal(first.Serial, (await BookletAsync(portal, family.Son.Id))!.Serial);
        Assert.Equal(BookletRefusal.HasBooklet, (await counter.ServeAsync(family.Son.Id, Ask.NewBooklet, null, DateTimeOffset.UtcNow)).Refusal);
    }

    [Fact]
    public async Task OnlyTheBranchsSupervisor_MarksItsServiceRecordedInError_WithAReason()
    {
        var family = await FamilyAsync(portal);
        var receipt = await (await portal.AsAsync<BookletCounter>(Clerk)).ServeAsync(family.Main.Id, Ask.Extend, null, DateTimeOffset.UtcNow);

        await Refused.ByRoleAsync(async () => await (await portal.AsAsync<BookletCounter>(Clerk)).CorrectAsync(receipt.ServiceId, "اشتباه در کد ملی"));
        using (CultureScope.Persian())
            Assert.Equal("خدمت مورد نظر یافت نشد.", (await Assert.ThrowsAsync<DomainException>(async () =>
                await (await portal.AsAsync<BookletCounter>("golestan.branch.supervisor")).CorrectAsync(receipt.ServiceId, "اشتباه"))).Message);
        await Assert.ThrowsAsync<DomainException>(async () => await (await portal.AsAsync<BookletCounter>(Supervisor)).CorrectAsync(receipt.ServiceId, "  "));
        await (await portal.AsAsync<BookletCounter>(Supervisor)).CorrectAsync(receipt.ServiceId, "دفترچه همسر به‌جای دفترچه سرپرست ثبت شد");

        var service = (await ServicesAsync(portal, family.Main.Id)).Single();
        Assert.Equal((Supervisor, "دفترچه همسر به‌جای دفترچه سرپرست ثبت شد"), (service.CorrectedBy, service.CorrectionReason));
        await Assert.ThrowsAsync<DomainException>(async () => await (await portal.AsAsync<BookletCounter>(Supervisor)).CorrectAsync(receipt.ServiceId, "دوباره"));
    }

    [Fact]
    public async Task AnyBranchServesAnyone_TheServiceIsTheServingBranchs_AndOnlyBranchStaffServe()
    {
        var family = await FamilyAsync(portal);
        var receipt = await (await portal.AsAsync<BookletCounter>("golestan.branch.staff")).ServeAsync(family.Main.Id, Ask.Extend, null, DateTimeOffset.UtcNow);

        await using (var db = Acting.SystemDb(portal))
        {
            var service = await db.BookletServices.SingleAsync(s => s.Id == receipt.ServiceId);
            var branch = await db.OrgUnits.SingleAsync(u => u.Id == service.BranchId);
            Assert.Equal("golestan.branch.staff", service.UserName);
            Assert.NotEqual("08", (await db.Provinces.SingleAsync(p => p.Id == branch.ProvinceId)).Code);
        }
        Assert.Null(await (await portal.AsAsync<BookletSlips>(Clerk)).FindAsync(receipt.ServiceId));
        Assert.NotNull(await (await portal.AsAsync<BookletSlips>("golestan.branch.staff")).FindAsync(receipt.ServiceId));
        await Refused.ByRoleAsync(async () => await (await portal.AsAsync<BookletCounter>("kerman.generaloffice")).FindAsync(family.Main.NationalId));
    }

    [Fact]
    public async Task BadInput_GetsItsPersianMessage_AndAnUnknownPerson_IsSaidPlainly()
    {
        var counter = await portal.AsAsync<BookletCounter>(Clerk);
        using var persian = CultureScope.Persian();
        Assert.NotNull((await counter.FindAsync("12345")).Error);
        Assert.Equal("بیمه‌شده‌ای با این کد ملی در سامانه نیست.", (await counter.FindAsync(Eligibility.EligibilityArrange.NewNationalId())).Error);
    }

    [Fact]
    public async Task WhenTheCentralDatabaseFailsMidway_TheCounterSaysSo_AndNeitherTheBookletNorTheServiceIsWritten()
    {
        var family = await FamilyAsync(portal);
        var before = (await BookletAsync(portal, family.Main.Id))!;
        var counter = await portal.AsAsync<BookletCounter>(Clerk, new LinkDropsOnServiceInsert());

        using var persian = CultureScope.Persian();
        var refusal = await Assert.ThrowsAsync<DomainException>(() => counter.ServeAsync(family.Main.Id, Ask.Extend, null, DateTimeOffset.UtcNow));

        Assert.Equal("ارتباط با سایت مرکزی برقرار نیست؛ خدمتی ثبت نشد. پس از برقراری ارتباط دوباره تلاش کنید.", refusal.Message);
        Assert.Empty(await ServicesAsync(portal, family.Main.Id));
        Assert.Equal((before.ValidUntil, before.Version), ((await BookletAsync(portal, family.Main.Id))!.ValidUntil, (await BookletAsync(portal, family.Main.Id))!.Version));
    }

    /// <summary>The booklet's update has gone through when the service's insert fails, as a link dropping mid-save would.</summary>
    private sealed class LinkDropsOnServiceInsert : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"BookletServices\"") ? throw new SqliteException("disk I/O error", 10) : ValueTask.FromResult(result);
    }
}
