using MudBlazor;

namespace Portal.Components.Layout;

public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#0d47a1", Secondary = "#00897b", AppbarBackground = "#0d47a1" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Vazirmatn", "Tahoma", "sans-serif"] },
        },
    };
}
