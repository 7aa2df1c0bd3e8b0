using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Zalo.Api;

/// <summary>
/// Where the OA API lives. Section <c>Zalo:Api</c>. Point both URLs at the fake
/// (e.g. <c>http://127.0.0.1:5080/fake-zalo/</c>) in development and tests.
/// </summary>
public sealed class ZaloApiOptions : IValidatableObject
{
    public const string SectionName = "Zalo:Api";

    /// <summary>Base of <c>v3.0/oa/…</c> and <c>v2.0/oa/upload/…</c>. Must end with '/'.</summary>
    [Required]
    public Uri OpenApiBaseUrl { get; set; } = new("https://openapi.zalo.me/");

    /// <summary>Base of <c>v4/oa/access_token</c>. Must end with '/'.</summary>
    [Required]
    public Uri OAuthBaseUrl { get; set; } = new("https://oauth.zaloapp.com/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, url) in new[] { (nameof(OpenApiBaseUrl), OpenApiBaseUrl), (nameof(OAuthBaseUrl), OAuthBaseUrl) })
        {
            if (!url.IsAbsoluteUri || !url.AbsolutePath.EndsWith('/'))
            {
                yield return new ValidationResult($"{name} must be an absolute URL ending with '/'.", [name]);
            }
        }
    }
}
