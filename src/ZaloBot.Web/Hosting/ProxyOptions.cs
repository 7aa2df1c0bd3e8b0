using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ZaloBot.Web.Hosting;

/// <summary>
/// Section "Proxy": the TLS-terminating reverse proxy in front of the web pods. <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only from these addresses, so a client cannot claim to be HTTPS or another
/// IP. Empty lists keep ASP.NET Core's default (loopback only), right when the proxy runs on the same host.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxy";

    /// <summary>Proxy addresses, e.g. "10.0.0.5" (the ingress controller's pod IPs are better given as a network).</summary>
    [MaxLength(64)]
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. "10.42.0.0/16" (the cluster's pod network).</summary>
    [MaxLength(64)]
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>
    /// How many proxies to peel off <c>X-Forwarded-For</c>. Default 1: one ingress/nginx in front; a CDN in front of
    /// it makes 2.
    /// </summary>
    [Range(1, 5)]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"KnownNetworks: '{network}' is not a CIDR network such as 10.42.0.0/16.", [nameof(KnownNetworks)]);
        }
    }
}
