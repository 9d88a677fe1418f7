using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Playwright;
using Portal.Domain.Contracts;

namespace Portal.Documents;

/// <summary>
/// A paper as the portal prints it: a Razor document rendered to HTML with the app's services, then printed to PDF by
/// <see cref="PdfRenderer"/>. A print that fails is logged and told to the user in Persian (<see cref="PdfEngine"/>).
/// </summary>
public sealed class DocumentPrinter(PdfRenderer renderer, IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<DocumentPrinter>();

    public bool IsAvailable => renderer.ChromiumPath is not null;

    /// <summary>The document with these parameters as a PDF; <paramref name="paper"/> names it in the log.</summary>
    public async Task<byte[]> PrintAsync<TDocument>(IDictionary<string, object?> parameters, string paper, CancellationToken ct = default)
        where TDocument : IComponent
    {
        var html = await HtmlAsync<TDocument>(parameters);
        try
        {
            return await renderer.RenderAsync(html, ct);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            _logger.LogError(e, "Printing {Paper} failed", paper);
            throw PdfEngine.Failed();
        }
    }

    /// <summary>The document rendered to HTML, as Chromium will be given it.</summary>
    public async Task<string> HtmlAsync<TDocument>(IDictionary<string, object?> parameters) where TDocument : IComponent
    {
        // The renderer resolves scoped services (as a circuit would), so it gets a scope of its own.
        await using var scope = scopes.CreateAsyncScope();
        await using var html = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await html.Dispatcher.InvokeAsync(async () =>
            (await html.RenderComponentAsync<TDocument>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
