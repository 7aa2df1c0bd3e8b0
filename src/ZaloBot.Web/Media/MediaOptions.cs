using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Media;

/// <summary>
/// Section "Media": what the fetcher of citizens' photos and files may download. A signed event names any URL it
/// likes, so every limit here is a defence: hosts, addresses, size, types and counts.
/// </summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>
    /// Hosts media may come from: exact names or <c>*.suffix</c> (any subdomain). Zalo's CDN serves user media from
    /// <c>*.zdn.vn</c> (and older links from <c>*.zadn.vn</c>). A redirect to a host off this list is not followed.
    /// Empty (not configured): <see cref="ZaloCdnHosts"/>. A configured list replaces it, it is not added to it.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Zalo's media hosts, the default of <see cref="AllowedHosts"/>.</summary>
    public static IReadOnlyList<string> ZaloCdnHosts { get; } = ["*.zdn.vn", "*.zadn.vn"];

    /// <summary>
    /// Whether loopback and private addresses may be connected to. Off in production (server-side request forgery:
    /// a URL on an allowed name that resolves to 127.0.0.1, 10.x or 169.254.169.254 is refused after DNS). On only for
    /// the local chat simulator, whose sample photo is served by the service itself.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Largest file stored. 10 MB: Zalo caps photos at 1 MB and files at 5 MB; the margin is for odd encoders.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Timeout of one download, redirects included. 15 s for 10 MB is ~5 Mbit/s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Redirects followed (each to an allowed host). Zalo's CDN answers directly; 3 allows a CDN hop or two.</summary>
    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 3;

    /// <summary>Attachments fetched from one event. Zalo sends at most 10 photos in one message.</summary>
    [Range(1, 100)]
    public int MaxPerEvent { get; set; } = 10;

    /// <summary>Files stored for one citizen in 24 hours. 50 is ten full feedback reports with photos; more is abuse.</summary>
    [Range(1, 10_000)]
    public int MaxPerCitizenPerDay { get; set; } = 50;

    /// <summary>True when <paramref name="host"/> matches <see cref="AllowedHosts"/> (case-insensitive).</summary>
    public bool IsAllowedHost(string host)
    {
        foreach (var pattern in AllowedHosts)
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
                : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
