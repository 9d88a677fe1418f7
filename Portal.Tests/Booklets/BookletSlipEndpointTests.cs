using System.Net;
using Portal.Domain.Booklets;
using Portal.Domain.Common;
using static Portal.Tests.Booklets.BookletsArrange;
using Ask = Portal.Domain.Booklets.BookletCounter.Ask;

namespace Portal.Tests.Booklets;

/// <summary>The validity slip over HTTP: its words read back from the PDF, its QR's page public, another branch's slip not found.</summary>
public sealed class BookletSlipEndpointTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheSlip_SaysWhoWhichBookletUntilWhenAndWhere_ItsCodeVerifies_AndAnotherBranchCannotPrintIt()
    {
        var family = await FamilyAsync(portal);
        var receipt = await (await portal.AsAsync<BookletCounter>(Clerk)).ServeAsync(family.Spouse.Id, Ask.Extend, null, DateTimeOffset.UtcNow);
        var service = (await ServicesAsync(portal, family.Spouse.Id)).Single();

        var clerk = await PortalFactory.SignedInClientAsync(portal, Clerk);
        var response = await clerk.GetAsync($"/booklets/services/{receipt.ServiceId}/slip.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = Path.Combine(Path.GetTempPath(), $"slip-{receipt.ServiceId}.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        var text = await Poppler.TextAsync(pdf);

        Assert.Contains("برگه اعتبار دفترچه درمانی", text);
        Assert.Contains("تجدید اعتبار", text);
        Assert.Contains("زهرا کرمانی", text);
        Assert.Contains(service.BookletSerial!, text);
        Assert.Contains(JalaliDate.FromDateOnly(receipt.NewValidUntil!.Value).ToPersianString(), text);
        Assert.Contains(Clerk, text);
        Assert.Contains(service.VerificationCode!, text);

        var anonymous = portal.CreateClient();
        var verified = await anonymous.GetStringAsync($"/verify/booklet/{service.VerificationCode!.ToLowerInvariant()}");
        Assert.Contains("data-testid=\"verify-found\"", verified);
        Assert.Contains(service.BookletSerial!, verified);
        Assert.Contains("verify-unknown", await anonymous.GetStringAsync("/verify/booklet/AAAAAAAAAAAAAAAA"));

        var golestan = await PortalFactory.SignedInClientAsync(portal, "golestan.branch.staff");
        Assert.Equal(HttpStatusCode.NotFound, (await golestan.GetAsync($"/booklets/services/{receipt.ServiceId}/slip.pdf")).StatusCode);
        var generalOffice = await PortalFactory.SignedInClientAsync(portal, "kerman.generaloffice");
        Assert.NotEqual(HttpStatusCode.OK, (await generalOffice.GetAsync($"/booklets/services/{receipt.ServiceId}/slip.pdf")).StatusCode);
    }
}
