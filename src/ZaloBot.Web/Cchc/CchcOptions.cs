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

    public Uri PostUrl(long id) => new(new Uri(PublicBaseUrl.TrimEnd('/') + "/"), "cchc/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
