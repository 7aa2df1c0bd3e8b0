using System.Net;
using System.Net.Sockets;

namespace ZaloBot.Web.Media;

/// <summary>
/// The media client's only way to open a connection (<see cref="SocketsHttpHandler.ConnectCallback"/>): the host name
/// is resolved here and every address must be public, so a name that resolves (or is re-bound by DNS) to an internal
/// address is refused after resolution, not by looking at the URL.
/// </summary>
public static class MediaAddressGuard
{
    /// <summary>Connects to the first public address of the host; throws <see cref="MediaRefusedException"/> if it has none.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var usable = addresses.Where(a => allowPrivate || IsPublic(a)).ToList();
        if (usable.Count == 0)
        {
            throw new MediaRefusedException($"host resolves only to non-public addresses ({addresses.Length})");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Only the checked addresses are dialled: connecting by name would resolve again (DNS rebinding).
            await socket.ConnectAsync([.. usable], context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// False for loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 — cloud metadata
    /// at 169.254.169.254 —, fe80::/10), carrier-grade NAT (100.64/10), unspecified, multicast, broadcast and
    /// reserved ranges, including IPv4 written as IPv6 (::ffff:127.0.0.1).
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => false,
                100 when b[1] is >= 64 and <= 127 => false,
                169 when b[1] == 254 => false,
                172 when b[1] is >= 16 and <= 31 => false,
                192 when b[1] == 168 => false,
                192 when b[1] == 0 && b[2] is 0 or 2 => false,
                198 when b[1] is 18 or 19 => false,
                >= 224 => false,
                _ => true,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC // fc00::/7 unique local
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)); // 2001:db8::/32 documentation
        }

        return false;
    }
}
