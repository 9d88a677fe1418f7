using MudBlazor;

namespace Portal.Components.Shared;

/// <summary>
/// Options every MudChart of the portal starts from: axis values (and the tooltips and bar totals MudBlazor formats with
/// them) through <see cref="Display.ChartValue"/>, so a Persian reader sees ۰ ۲۰ ۴۰ rather than 0 20 40.
/// Usage: <c>&lt;MudChart … ChartOptions="PortalCharts.Bar()" /&gt;</c>.
/// </summary>
public static class PortalCharts
{
    public static BarChartOptions Bar(int labelRotation = 0) =>
        new() { YAxisToStringFunc = Display.ChartValue, XAxisLabelRotation = labelRotation };

    public static StackedBarChartOptions StackedBar(int labelRotation = 0) =>
        new() { YAxisToStringFunc = Display.ChartValue, XAxisLabelRotation = labelRotation };

    public static LineChartOptions Line(int labelRotation = 0) =>
        new() { YAxisToStringFunc = Display.ChartValue, XAxisLabelRotation = labelRotation };
}
