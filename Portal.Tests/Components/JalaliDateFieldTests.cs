using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;

namespace Portal.Tests.Components;

/// <summary>The portal's date box: a Persian-calendar picker that still takes typed dates and hands the form "1403/05/02".</summary>
public sealed class JalaliDateFieldTests
{
    private string? _value;
    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    private IRenderedComponent<JalaliDateField> Render(PortalTestContext ctx, string? value)
    {
        _popovers = ctx.Render<MudPopoverProvider>();
        _value = value;
        return ctx.Render<JalaliDateField>(p => p
            .Add(f => f.Value, value)
            .Add(f => f.ValueChanged, EventCallback.Factory.Create<string?>(this, v => _value = v))
            .Add(f => f.Label, "تاریخ جلسه")
            .AddUnmatched("data-testid", "meeting-date"));
    }

    [Theory]
    [InlineData("۱۴۰۳/۵/۲", "1403/05/02")]
    [InlineData("١٤٠٣/٠٥/٠٢", "1403/05/02")]
    [InlineData("1403-5-2", "1403/05/02")]
    [InlineData(" 1403/05/02 ", "1403/05/02")]
    public async Task TypedDate_InAnyDigits_ReachesTheFormInItsCanonicalForm(string typed, string expected)
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var cut = Render(ctx, null);

        await cut.Find("input[data-testid=meeting-date]").ChangeAsync(new() { Value = typed });

        Assert.Equal(expected, _value);
    }

    [Fact]
    public async Task TypedTextThatIsNoDate_ReachesTheFormAsTyped_ForItsCheckToRefuse()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var cut = Render(ctx, "1403/05/12");

        await cut.Find("input[data-testid=meeting-date]").ChangeAsync(new() { Value = "1403/13/40" });

        Assert.Equal("1403/13/40", _value); // never the old date kept silently
    }

    [Theory]
    [InlineData("1403–01–01", "1403/01/01")]
    [InlineData("۱۴۰۳\u200C/۰۱/۰۱", "1403/01/01")]
    [InlineData("1403.12.30", "1403/12/30")]
    [InlineData("۱۴۰۳۰۱۰۱", "1403/01/01")]
    public async Task TypedDate_WithADashDotHalfSpaceOrNoSeparator_ReachesTheFormInItsCanonicalForm(string typed, string expected)
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var cut = Render(ctx, null);

        await cut.Find("input[data-testid=meeting-date]").ChangeAsync(new() { Value = typed });

        Assert.Equal(expected, _value);
        Assert.DoesNotContain("mud-input-error", cut.Markup);
    }

    [Theory]
    [InlineData("1404/12/30", "سال ۱۴۰۴ کبیسه نیست؛ اسفند آن ۲۹ روز دارد.")]
    [InlineData("1403/13/01", "ماه ۱۳ نداریم؛ ماه از ۱ تا ۱۲ است.")]
    [InlineData("1403/07/31", "مهر ۳۰ روز دارد؛ روز ۳۱ ندارد.")]
    public async Task TypedImpossibleDate_IsMarkedWithWhatIsWrong_NotOnlyTheFormat(string typed, string message)
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var cut = Render(ctx, null);

        await cut.Find("input[data-testid=meeting-date]").ChangeAsync(new() { Value = typed });

        cut.WaitForAssertion(() => Assert.Contains(message, cut.Find(".mud-input-helper-text").TextContent));
    }

    [Fact]
    public async Task Picker_ShowsPersianMonthsAndDigits_AndAPickedDayReachesTheForm()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var cut = Render(ctx, "1403/05/12");
        Assert.Equal("۱۴۰۳/۰۵/۱۲", cut.Find("input[data-testid=meeting-date]").GetAttribute("value"));

        await cut.InvokeAsync(() => cut.FindComponent<MudDatePicker>().Instance.OpenAsync());

        cut.WaitForAssertion(() => Assert.Contains("مرداد", _popovers.Markup));
        Assert.Contains("۱۴۰۳", _popovers.Markup);
        Assert.DoesNotContain("August", _popovers.Markup);

        await cut.InvokeAsync(() => cut.FindComponent<MudDatePicker>().Instance.GoToDate(new DateTime(2024, 8, 5), submitDate: true));
        Assert.Equal("1403/05/15", _value); // 5 August 2024 is 15 Mordad 1403
    }
}
