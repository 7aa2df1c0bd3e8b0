namespace ZaloBot.Zalo.Api;

/// <summary>Maps Zalo <c>error</c> codes to <see cref="ZaloErrorCategory"/> (codes from the OA error table).</summary>
public static class ZaloErrorClassifier
{
    /// <summary>-32 = app/OA over 4,000 requests/min: the call was rejected before any processing.</summary>
    public const int RateLimited = -32;

    public const int AttachmentExpired = -100;
    public const int SendFailed = -200;
    public const int AccessTokenInvalid = -216;
    public const int AccessTokenExpired = -220;
    public const int NotInteractedIn7Days = -230;

    public static ZaloErrorCategory Classify(int code) => code switch
    {
        RateLimited or AttachmentExpired or SendFailed => ZaloErrorCategory.Retryable,
        AccessTokenInvalid or AccessTokenExpired => ZaloErrorCategory.TokenExpired,
        -213 or -217 or -227 or -230 or -232 or -234 or -244 => ZaloErrorCategory.OutsideWindow,
        _ => ZaloErrorCategory.Permanent,
    };

    /// <summary>HTTP failures without a Zalo envelope: 408/429/5xx are transient, other statuses permanent.</summary>
    public static ZaloErrorCategory ClassifyHttpStatus(int status) =>
        status is 408 or 429 or >= 500 ? ZaloErrorCategory.Retryable : ZaloErrorCategory.Permanent;
}
