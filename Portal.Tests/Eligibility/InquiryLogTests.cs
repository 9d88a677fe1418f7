using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Eligibility;

namespace Portal.Tests.Eligibility;

/// <summary>
/// Every answered inquiry is in the log, under load too: many concurrent inquiries give exactly as many rows, each under
/// its own tracking code and with the answer that was given. Unknown numbers are answered like "not covered".
/// </summary>
public sealed class InquiryLogTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ConcurrentInquiries_AreAllLogged_UnderDistinctCodes_WithTheAnswerGiven()
    {
        const int N = 300;
        var covered = await Insured.CoveredMainAsync(portal);
        var (_, son) = await Insured.SonWithoutCertificateAsync(portal);
        var desk = portal.Services.GetRequiredService<EligibilityDesk>();
        var requester = new Requester($"load-{Guid.NewGuid():N}"[..20], null, null);
        string IdFor(int i) => (i % 3) switch { 0 => covered, 1 => son, _ => Insured.NewNationalId() };

        var answers = await Task.WhenAll(Enumerable.Range(0, N).Select(i => Task.Run(async () =>
        {
            var id = IdFor(i);
            return (Id: id, Answer: (await desk.GeneralAsync(id, InquiryChannel.Api, requester)).Value!);
        })));

        await using var db = Acting.SystemDb(portal);
        var logged = await db.Inquiries.Where(i => i.Requester == requester.Name).ToDictionaryAsync(i => i.TrackingCode);
        Assert.Equal(N, logged.Count);
        Assert.Equal(N, answers.Select(a => a.Answer.TrackingCode).Distinct().Count());
        foreach (var (id, answer) in answers)
        {
            var row = logged[answer.TrackingCode];
            Assert.Equal((id, answer.Covered, InquiryChannel.Api), (row.NationalId, row.Covered, row.Channel));
        }
        Assert.All(answers.Where(a => a.Id == covered), a => Assert.True(a.Answer.Covered));
        Assert.All(answers.Where(a => a.Id != covered), a => Assert.False(a.Answer.Covered));
        Assert.All(logged.Values.Where(r => r.NationalId == son), r => Assert.Equal(CoverageReason.SonWithoutCertificate, r.Reason));
    }

    [Fact]
    public async Task TheCentrePage_LogsAWebInquiry_OfItsCentreAndProvince_AndAnInvalidId_IsNotAnInquiry()
    {
        using var culture = CultureScope.PersianMessages();
        var actor = await Acting.ActorAsync(portal, "kerman.medical");
        var centre = await Insured.CentreAsync(portal, "kerman.medical");

        var invalid = await centre.AskAsync("0084575947");
        var answer = await centre.AskAsync(await Insured.CoveredMainAsync(portal));

        Assert.False(invalid.IsValid);
        Assert.Contains("رقم کنترل", invalid.Error);
        await using var db = Acting.SystemDb(portal);
        var row = await db.Inquiries.SingleAsync(Inquiry.WithCode(answer.Value!.TrackingCode));
        Assert.Equal((InquiryChannel.Web, InquiryKind.General, "kerman.medical", actor.UnitId, actor.Scope.ProvinceId, true),
            (row.Channel, row.Kind, row.Requester, row.CentreId, row.ProvinceId, row.Covered));
        Assert.False(await db.Inquiries.AnyAsync(i => i.NationalId == "0084575947"));
    }
}
