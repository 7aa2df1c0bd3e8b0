using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Zalo.Webhook;

/// <summary>
/// Settings for verifying inbound webhooks. Section <c>Zalo:Webhook</c>.
/// Secrets come from the environment (e.g. <c>Zalo__Webhook__OaSecretKey</c>) and never reach a log.
/// </summary>
public sealed class ZaloWebhookOptions
{
    public const string SectionName = "Zalo:Webhook";

    /// <summary>The developer app id (first term of the MAC).</summary>
    [Required]
    public string AppId { get; set; } = "";

    /// <summary>
    /// The OA Secret Key shown on the app's Webhook page (last term of the MAC).
    /// It is not the App Secret used for OAuth.
    /// </summary>
    [Required]
    public string OaSecretKey { get; set; } = "";

    /// <summary>
    /// Also accept <c>SHA256(oa_id + body + timestamp + secret)</c>. One source puts <c>oa_id</c> first;
    /// the official SDK uses <c>app_id</c>. Default off; turn on only while confirming which one a live OA sends,
    /// and log <see cref="SignatureVerificationResult.Variant"/>.
    /// </summary>
    public bool AcceptOaIdVariant { get; set; }
}
