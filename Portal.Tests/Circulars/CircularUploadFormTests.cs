using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Circulars;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Features.Circulars;

namespace Portal.Tests.Circulars;

/// <summary>The circulars send form is built of the portal's components, in Persian, and still posts every field to the upload endpoint.</summary>
public sealed class CircularUploadFormTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private IDbContextFactory<PortalDbContext> Contexts => portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IRenderedComponent<CircularUploadForm>> RenderAsync(PortalTestContext ctx)
    {
        ctx.UsePortal(portal, await ActingAs.ActorAsync(Contexts, Roles.ReviewOffice, "RO-08-1"));
        ctx.Services.AddScoped<CircularLibrary>();
        ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<CircularUploadForm>();
        cut.WaitForAssertion(() => Assert.Null(cut.Find("fieldset").GetAttribute("disabled")), TimeSpan.FromSeconds(10));
        return cut;
    }

    [Fact]
    public async Task Form_UsesThePortalsComponents_WithAPersianFileButton_AndNoNativeSelectOrCheckboxWall()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = await RenderAsync(ctx);

        Assert.Equal("انتخاب پرونده", cut.Find("[data-testid=upload-choose]").TextContent.Trim());
        Assert.Empty(cut.FindAll("select"));
        Assert.Empty(cut.FindAll("input[type=checkbox]"));
        // The real inputs carry the names the endpoint reads.
        Assert.Equal("file", cut.Find("input[type=file]").GetAttribute("name"));
        Assert.Equal("title", cut.Find("input[data-testid=upload-title]").GetAttribute("name"));
        Assert.Equal("all", cut.Find("input[type=hidden][name=recipients]").GetAttribute("value"));
        Assert.Equal(nameof(CircularKind.Circular), cut.Find("input[type=hidden][name=kind]").GetAttribute("value"));
        // Nothing to send until a file is chosen.
        Assert.True(cut.Find("[data-testid=upload-submit]").HasAttribute("disabled"));
        Assert.Contains("هنوز پرونده‌ای انتخاب نشده", cut.Markup);
    }

    [Fact]
    public async Task SomeAgencies_AreFoundBySearch_AndPostedAsTheirIds()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        await using var db = Acting.SystemDb(portal);
        var ag08002 = await db.Agencies.Where(a => a.Code == "AG-08002").Select(a => a.Id).SingleAsync();
        var cut = await RenderAsync(ctx);

        await cut.InvokeAsync(() => cut.FindComponent<MudRadioGroup<string>>().Instance.ValueChanged.InvokeAsync("some"));
        var search = cut.FindComponent<MudAutocomplete<CircularLibrary.AgencyOption>>();
        var found = await search.Instance.SearchFunc!("08002", CancellationToken.None)!;
        var agency = Assert.Single(found);
        await cut.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync(agency));

        cut.WaitForAssertion(() => Assert.Equal(ag08002.ToString(), cut.Find("input[type=hidden][name=agencyIds]").GetAttribute("value")));
        Assert.Equal("some", cut.Find("input[type=hidden][name=recipients]").GetAttribute("value"));
        Assert.Contains("۱ کارگزاری انتخاب شده", cut.Find("[data-testid=upload-chosen-count]").TextContent);
        Assert.Empty(await search.Instance.SearchFunc!("08002", CancellationToken.None)!);
    }
}
