using Portal.Domain.ElectronicFiles;

namespace Portal.Tests.ElectronicFiles;

/// <summary>The administrator keeps the headings and types; a retired type is no longer offered for new documents.</summary>
public sealed class DocumentTaxonomyRegistryTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Admin_AddsAHeadingAndAType_WithNextCodes_AndRetiringATypeHidesItFromUploads()
    {
        var registry = await portal.AsAsync<DocumentTaxonomyRegistry>("admin");
        var groupId = await registry.AddGroupAsync("مدارک بیمه بیکاری");
        var typeId = await registry.AddTypeAsync(groupId, "گواهی ترک کار");

        var group = Assert.Single(await registry.ListAsync(), g => g.Id == groupId);
        Assert.Equal("09", group.Code);
        Assert.Equal("0901", Assert.Single(group.Types).Code);
        var desk = await portal.AsAsync<DocumentDesk>(ElectronicFilesArrange.Staff);
        Assert.Contains(await desk.TypesAsync(), t => t.Id == typeId);

        await registry.SetTypeActiveAsync(typeId, false);
        Assert.DoesNotContain(await desk.TypesAsync(), t => t.Id == typeId);
    }

    [Theory]
    [InlineData("kerman.branch.supervisor")]
    [InlineData("headoffice")]
    public async Task OthersThanTheAdmin_AreRefused(string user)
    {
        var registry = await portal.AsAsync<DocumentTaxonomyRegistry>(user);
        await Refused.ByRoleAsync(() => registry.AddGroupAsync("سرفصل"));
        await Refused.ByRoleAsync(() => registry.ListAsync());
    }
}
