namespace ZaloBot.Zalo.Webhook;

/// <summary>Which first term produced a matching MAC.</summary>
public enum SignatureVariant
{
    /// <summary>No variant matched.</summary>
    None,

    /// <summary><c>SHA256(app_id + body + timestamp + oa_secret_key)</c>: the official SDK formula.</summary>
    AppId,

    /// <summary><c>SHA256(oa_id + body + timestamp + oa_secret_key)</c>: accepted only behind <see cref="ZaloWebhookOptions.AcceptOaIdVariant"/>.</summary>
    OaId,
}
