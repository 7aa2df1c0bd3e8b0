using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Cchc;

/// <summary>Section "Cchc": the CCHC section's public post pages and the chat list.</summary>
public sealed class CchcOptions
{
    public const string Section = "Cchc";

    /// <summary>
    /// The public address of this service (e.g. https://zalo.quan3.gov.vn): the "Đọc tiếp" buttons open
    /// {PublicBaseUrl}/cchc/{id}. Zalo opens only absolute http(s) links.
    /// </summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Posts per chat page ("xem thêm" shows the next); a Zalo list holds at most 5 elements.</summary>
    [Range(1, 5)]
    public int ChatPageSize { get; set; } = 4;

    /// <summary>At most this many posts in one "tin mới" notice on a visit (the rest stay a "xem thêm" away).</summary>
    [Range(1, 5)]
    public int NewPostsOnVisit { get; set; } = 3;

    /// <summary>
    /// How old the set of citizens with a "tin mới" notice waiting may be (<see cref="CchcUnseenSnapshot"/>): a post
    /// published by another instance reaches visiting subscribers at most this late. 15 s: one query per instance every
    /// 15 s instead of one per message.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan NewPostsSnapshotAge { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Hosts a post's image may come from ("*.gov.vn" or "anh.quan3.gov.vn"; https only). The console and the public post
    /// page allow exactly these in their Content-Security-Policy img-src, and the editor refuses an image from any other
    /// host, so what the office publishes is never blocked in the browser. Empty: posts have no external images.
    /// </summary>
    [MaxLength(20)]
    [ImageHosts]
    public string[] ImageHosts { get; set; } = ["*.gov.vn"];

    /// <summary>The img-src sources of <see cref="ImageHosts"/>, e.g. "https://*.gov.vn".</summary>
    public string ImageSources => string.Join(' ', ImageHosts.Select(h => "https://" + h.Trim().ToLowerInvariant()));

    /// <summary>An absolute https URL whose host is one of <see cref="ImageHosts"/> (a "*." entry also matches deeper hosts, as in CSP).</summary>
    public bool IsAllowedImage(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !uri.IsDefaultPort)
        {
            return false;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        return ImageHosts.Select(h => h.Trim().ToLowerInvariant())
            .Any(h => h.StartsWith("*.", StringComparison.Ordinal) ? host.EndsWith(h[1..], StringComparison.Ordinal) : host == h);
    }

    public Uri PostUrl(long id) => new(new Uri(PublicBaseUrl.TrimEnd('/') + "/"), "cchc/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
