using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Circulars;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Features.Circulars;

namespace Portal.Tests.Circulars;

/// <summary>The circulars list over the real seeded database, as the receiving agency and the sending office see it.</summary>
public sealed class CircularListTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private IDbContextFactory<PortalDbContext> Contexts => portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
    private IFileStore Files => portal.Services.GetRequiredService<IFileStore>();

    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> UploadAsKermanReviewAsync(string title)
    {
        var review = await ActingAs.ActorAsync(Contexts, Roles.ReviewOffice, "RO-08-1");
        var library = new CircularLibrary(new PortalDb(Contexts, new ActingAs(review)), Files, TimeProvider.System, NullLogger<CircularLibrary>.Instance);
        var result = await library.UploadAsync(new(title, "۱۲۰/۱۴۰۳", CircularKind.Instruction, "instruction.pdf", true, []), new MemoryStream(SampleFiles.Pdf()));
        return result.Value;
    }

    private IRenderedComponent<CircularList> Render(PortalTestContext ctx, Actor actor, string? query = null)
    {
        ctx.UsePortal(portal, actor);
        ctx.Services.AddScoped<CircularLibrary>();
        // The upload endpoint redirects back with ?error=… or ?uploaded=…: the page reads them from its address.
        if (query is not null) ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"circulars?{query}");
        return ctx.Render<CircularList>();
    }

    [Fact]
    public async Task Agency_sees_a_new_circular_in_bold_with_the_new_chip()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var id = await UploadAsKermanReviewAsync("دستورالعمل تکمیل فرم");

        var cut = Render(ctx, await ActingAs.ActorAsync(Contexts, Roles.AgencyUser, "AG-08001"));

        var link = cut.WaitForElement($"[data-testid=download-{id}]", TimeSpan.FromSeconds(10));
        var row = link.Closest("tr")!;
        Assert.Contains("portal-unread", row.ClassList);
        Assert.Equal("جدید", row.QuerySelector("[data-testid=unread-chip]")!.TextContent.Trim());
        Assert.Contains("دستورالعمل", row.TextContent);
        Assert.Equal($"circulars/{id}/file", link.GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=circular-upload]"));
        Assert.Empty(cut.FindAll($"[data-testid=receipts-{id}]"));
    }

    [Fact]
    public async Task Review_office_sees_the_upload_form_and_how_many_agencies_opened_each_circular()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var id = await UploadAsKermanReviewAsync("بخشنامه رسید");

        var cut = Render(ctx, await ActingAs.ActorAsync(Contexts, Roles.ReviewOffice, "RO-08-1"));

        var receipts = cut.WaitForElement($"[data-testid=receipts-{id}]", TimeSpan.FromSeconds(10));
        Assert.Equal("۰ از ۲ کارگزاری باز کرده‌اند", receipts.TextContent.Trim());
        Assert.DoesNotContain("portal-unread", receipts.Closest("tr")!.ClassList);
        // The form offers "all agencies" of the office, by count (specific ones are found by search, not listed).
        Assert.Contains("(۲)", cut.Find("[data-testid=circular-upload]").TextContent);
    }

    [Fact]
    public async Task Refused_upload_shows_its_persian_message()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = Render(ctx, await ActingAs.ActorAsync(Contexts, Roles.ReviewOffice, "RO-08-1"), "error=Circulars.TooLarge");

        Assert.Equal("حجم پرونده بیش از ۲۰ مگابایت است.", cut.Find("[data-testid=circular-error]").TextContent.Trim());
    }
}
