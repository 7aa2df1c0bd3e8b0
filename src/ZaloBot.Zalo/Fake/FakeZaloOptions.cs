using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Zalo.Fake;

/// <summary>Identity of the fake OA/app. Section <c>Zalo:Fake</c> when the host binds it.</summary>
public sealed class FakeZaloOptions
{
    public const string SectionName = "Zalo:Fake";

    [Required]
    public string AppId { get; set; } = "1000000000000000001";

    /// <summary>Checked against the <c>secret_key</c> header of the token endpoint.</summary>
    [Required]
    public string AppSecret { get; set; } = "fake-app-secret";

    [Required]
    public string OaId { get; set; } = "2000000000000000002";

    /// <summary>The OA's name as <c>v2.0/oa/getoa</c> and the consent page show it.</summary>
    [Required]
    public string OaName { get; set; } = "Quận 3 trực tuyến (thử nghiệm)";

    /// <summary>Real lifetime: 90,000 s = 25 h (sent as the string <c>"90000"</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(90_000);
}
