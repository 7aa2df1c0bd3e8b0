using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ZaloBot.Web.Hosting;

/// <summary>
/// What every request meets first: forwarded headers from the known proxy (so cookies marked Secure work behind TLS
/// termination and logs show the client's address), the host filter (<c>AllowedHosts</c>, required in Production
/// so redirects never reflect a forged Host), HSTS and the security headers every response carries.
/// </summary>
public static class EdgeConfiguration
{
    /// <summary>
    /// One year: the usual HSTS lifetime (and the minimum for browser preload lists). Once a browser has seen it, it
    /// never speaks plain HTTP to the console's host.
    /// </summary>
    private static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IHostApplicationBuilder AddEdge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxy.Value.ForwardLimit;
            if (proxy.Value.KnownProxies.Length > 0 || proxy.Value.KnownNetworks.Length > 0)
            {
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var address in proxy.Value.KnownProxies)
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(address));
                }

                foreach (var network in proxy.Value.KnownNetworks)
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }
        });
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = HstsMaxAge;
            hsts.IncludeSubDomains = false;
            // The default list skips localhost; the header is only ever sent over HTTPS anyway, and the production
            // test reaches its proxy as localhost.
            hsts.ExcludedHosts.Clear();
        });

        var allowedHosts = builder.Configuration["AllowedHosts"];
        if (builder.Environment.IsProduction() && (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Split(';').Contains("*")))
        {
            throw new InvalidOperationException(
                "AllowedHosts must name the public host(s) in Production (e.g. AllowedHosts=zalobot.quan3.gov.vn), not '*': " +
                "redirects and links are built from the Host header.");
        }

        return builder;
    }

    public static WebApplication UseEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next();
        });
        return app;
    }
}
