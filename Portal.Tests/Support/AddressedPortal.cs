using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Support;

/// <summary>
/// The portal where each test request says which client address it comes from (header <see cref="AddressHeader"/>,
/// as the forwarded-headers middleware would set it behind a proxy), on a clock the test moves.
/// </summary>
public class AddressedPortal : PortalFactory
{
    public const string AddressHeader = "X-Test-Client-Address";
    public SteppingClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    /// <summary>A client whose every request comes from <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = Client();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader], out var address)) context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Wall time moved by the test; timers still run on the real clock.</summary>
public sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private TimeSpan _offset;
    private readonly DateTimeOffset _start = start;
    private readonly long _startTimestamp = TimeProvider.System.GetTimestamp();

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => _start + TimeProvider.System.GetElapsedTime(_startTimestamp) + _offset;
}
