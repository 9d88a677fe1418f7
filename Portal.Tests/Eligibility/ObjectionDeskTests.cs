using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;

namespace Portal.Tests.Eligibility;

/// <summary>The call centre records an objection against an answer's tracking code and follows it to closure.</summary>
public sealed class ObjectionDeskTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task<ObjectionDesk> CallCentre() => portal.AsAsync<ObjectionDesk>("callcenter");

    private async Task<string> AnsweredCodeAsync(string? nationalId = null)
    {
        var answer = await (await Insured.CentreAsync(portal, "kerman.medical")).AskAsync(nationalId ?? await Insured.CoveredMainAsync(portal));
        return answer.Value!.TrackingCode;
    }

    [Fact]
    public async Task AMistypedTrackingCode_IsRefusedAtTheField_AsProbablyMistyped()
    {
        using var culture = CultureScope.PersianMessages();
        var code = await AnsweredCodeAsync();
        var typo = code[..5] + (char)('0' + (code[5] - '0' + 3) % 10) + code[6..];

        var (id, errors) = await (await CallCentre()).RecordAsync(new ObjectionForm { TrackingCode = typo, Description = "معترض به پاسخ است" });

        Assert.Null(id);
        Assert.Contains("احتمالاً", errors[nameof(ObjectionForm.TrackingCode)]);
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.Objections.AnyAsync(o => o.TrackingCode == typo || o.TrackingCode == code));
    }

    [Fact]
    public async Task AWellFormedCode_NoInquiryWasAnsweredUnder_IsRefused()
    {
        using var culture = CultureScope.PersianMessages();
        var unused = TrackingCode.FromSequence(99_999_999_999);

        var (id, errors) = await (await CallCentre()).RecordAsync(new ObjectionForm { TrackingCode = unused, Description = "معترض به پاسخ است" });

        Assert.Null(id);
        Assert.Contains("استعلامی با این کد رهگیری ثبت نشده است", errors[nameof(ObjectionForm.TrackingCode)]);
    }

    [Fact]
    public async Task AnObjection_ShowsTheInquiry_AndIsFollowedToClosure_OneAtATimePerCode()
    {
        using var culture = CultureScope.PersianMessages();
        var (_, son) = await Insured.SonWithoutCertificateAsync(portal);
        var code = await AnsweredCodeAsync(son);
        var desk = await CallCentre();

        var (id, errors) = await desk.RecordAsync(new ObjectionForm
            { TrackingCode = TextNormalizer.ToPersianDigits(code[..6] + " " + code[6..]), Description = "پدر می‌گوید گواهی تحصیلی پسرش را تحویل داده است.", CallerPhone = "۰۹۱۳۱۲۳۴۵۶۷" });

        Assert.Empty(errors);
        var details = (await desk.FindAsync(id!.Value))!;
        Assert.Equal(code, details.Objection.TrackingCode);
        Assert.Equal(son, details.Inquiry.NationalId);
        Assert.Equal(InquiryChannel.Web, details.Inquiry.Channel);
        Assert.Equal("kerman.medical", details.Inquiry.Requester);
        Assert.False(string.IsNullOrEmpty(details.Inquiry.CentreName));
        Assert.Equal(CoverageReason.SonWithoutCertificate, details.Inquiry.Reason);
        Assert.False(details.Inquiry.Covered);

        var (second, secondErrors) = await desk.RecordAsync(new ObjectionForm { TrackingCode = code, Description = "دوباره تماس گرفت" });
        Assert.Null(second);
        Assert.Contains(TextNormalizer.ToPersianDigits(id.Value.ToString()), TextNormalizer.ToPersianDigits(secondErrors[nameof(ObjectionForm.TrackingCode)]));

        await desk.StartReviewAsync(id.Value, details.Objection.Version);
        var stale = details.Objection.Version;
        Assert.Equal("Objection.ChangedMeanwhile", (await Assert.ThrowsAsync<DomainException>(() => desk.CloseAsync(id.Value, stale))).Key);
        await desk.DecideAsync(id.Value, await VersionAsync(id.Value), ObjectionOutcome.Upheld, "گواهی در پرونده ثبت شد؛ از این پس حمایت درمانی دارد.");
        await desk.CloseAsync(id.Value, await VersionAsync(id.Value));

        var closed = (await desk.FindAsync(id.Value))!.Objection;
        Assert.Equal(ObjectionStatus.Closed, closed.Status);
        Assert.Equal(ObjectionOutcome.Upheld, closed.Outcome);
        Assert.Equal("callcenter", closed.DecidedBy);
        Assert.Contains(await desk.ListAsync(ObjectionStatus.Closed), r => r.Id == id);
        Assert.DoesNotContain(await desk.ListAsync(ObjectionStatus.Open), r => r.Id == id);
        await using var db = Acting.SystemDb(portal);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(Objection) && a.Key == id.Value.ToString() && a.Action == Portal.Domain.Audit.AuditAction.Modified));
    }

    [Fact]
    public async Task OnlyTheCallCentre_RecordsObjections_AndACentreReadsNone()
    {
        var code = await AnsweredCodeAsync();

        await Assert.ThrowsAsync<DomainException>(async () =>
            await (await portal.AsAsync<ObjectionDesk>("headoffice")).RecordAsync(new ObjectionForm { TrackingCode = code, Description = "x" }));
        await Assert.ThrowsAsync<DomainException>(async () => await (await portal.AsAsync<ObjectionDesk>("kerman.medical")).ListAsync());
    }

    private async Task<Guid> VersionAsync(int id)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.Objections.Where(o => o.Id == id).Select(o => o.Version).SingleAsync();
    }
}
