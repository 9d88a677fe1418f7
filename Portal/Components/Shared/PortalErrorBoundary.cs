using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Portal.Components.Shared;

/// <summary>An error inside an open page: logged in full under a correlation id, shown to the user as a Persian message with that id.</summary>
public sealed class PortalErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<PortalErrorBoundary> Logger { get; set; } = default!;
    [Inject] private IStringLocalizer<Strings> L { get; set; } = default!;
    private string _correlationId = "";

    protected override Task OnErrorAsync(Exception exception)
    {
        _correlationId = Guid.NewGuid().ToString("N")[..12];
        Logger.LogError(exception, "Unhandled error {CorrelationId} in an interactive page", _correlationId);
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }
        builder.OpenComponent<MudAlert>(1);
        builder.AddComponentParameter(2, nameof(MudAlert.Severity), Severity.Error);
        builder.AddComponentParameter(3, nameof(MudAlert.Class), "ma-4");
        builder.AddComponentParameter(4, nameof(MudAlert.ChildContent), (RenderFragment)(b =>
            b.AddContent(0, string.Format(L["UnexpectedError"], _correlationId))));
        builder.CloseComponent();
    }
}
