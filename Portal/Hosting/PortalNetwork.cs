using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Hosting;

/// <summary>
/// How the portal meets the network: behind which proxies (so limits and the audit see the client's address and the
/// scheme it used), with HSTS and Secure cookies over HTTPS, and without telling the server's name.
/// </summary>
public static class PortalNetwork
{
    public static WebApplicationBuilder AddPortalNetwork(this WebApplicationBuilder builder)
    {
        var network = builder.Configuration.GetSection("Network");
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named here are believed; loopback stays trusted (a proxy on the same machine).
            foreach (var proxy in network.GetSection("KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var net in network.GetSection("KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(net));
            // One hop per trusted proxy: an address the client wrote itself further left is never taken.
            o.ForwardLimit = network.GetValue("ForwardLimit", 1);
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Every cookie (sign-in, antiforgery, culture) is Secure when the request came over HTTPS, as the proxy reports it.
        builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>First in the pipeline: everything after it sees the client, the scheme and the headers.</summary>
    public static WebApplication UsePortalNetwork(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseMiddleware<SecurityHeaders>();
        app.UseCookiePolicy();
        return app;
    }
}
