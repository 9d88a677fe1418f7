using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Documents;

/// <summary>
/// The scheme, host and port the current user reached the portal at, for links printed on paper when no public URL is
/// configured. Set per HTTP request by <see cref="UseRequestOrigin"/> and per circuit activity by <see cref="CircuitOrigin"/>
/// (a circuit has no HTTP request; its base address is the page's).
/// </summary>
public static class RequestOrigin
{
    private static readonly AsyncLocal<string?> Origin = new();

    public static string? Current
    {
        get => Origin.Value;
        internal set => Origin.Value = value;
    }

    public static IApplicationBuilder UseRequestOrigin(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        Current = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}";
        return next();
    });
}

/// <summary>Gives each of a circuit's activities (a click that issues a contract) the address of the circuit's page.</summary>
public sealed class CircuitOrigin(NavigationManager navigation) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            try { RequestOrigin.Current = navigation.BaseUri; }
            catch (InvalidOperationException) { } // not initialised before the circuit's first render
            return next(context);
        };
}
