using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Zalo.Tokens;

/// <summary>
/// OA token refresh. Section <c>Zalo:Tokens</c>. <see cref="AppSecret"/> comes from the environment
/// (<c>Zalo__Tokens__AppSecret</c>) and never reaches a log.
/// </summary>
public sealed class ZaloTokenOptions : IValidatableObject
{
    public const string SectionName = "Zalo:Tokens";

    /// <summary>The OA whose tokens are managed (store key and lock key).</summary>
    [Required]
    public string OaId { get; set; } = "";

    /// <summary>The developer app id (form field <c>app_id</c>).</summary>
    [Required]
    public string AppId { get; set; } = "";

    /// <summary>The App Secret, sent as header <c>secret_key</c>. Not the OA Secret Key of the webhook.</summary>
    [Required]
    public string AppSecret { get; set; } = "";

    /// <summary>
    /// Refresh this long before the access token expires. Default 1 h of the 25 h (90,000 s) lifetime: early
    /// enough that a failed refresh leaves an hour of valid token while a human looks at the alert.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "12:00:00")]
    public TimeSpan RefreshLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Lock lease. Default 30 s (as Chatwoot's Redis lock): covers one OAuth attempt (10 s) plus the store write,
    /// and frees itself quickly if the holder dies.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for another process's refresh to finish. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// After a failed refresh, no new attempt for this long, so a broken grant never loops against the OAuth
    /// endpoint. Default 5 min. A human fixes a lost grant (re-consent); the health check reports it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FailureCooldown { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often <see cref="ZaloTokenRefreshWorker"/> checks the token. Default 10 min: many checks inside the
    /// 1 h lead, so the refresh happens about 50–60 min before expiry even with no traffic.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BackgroundCheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LockWait > LockLease * 2)
        {
            yield return new ValidationResult("LockWait should not exceed twice LockLease.", [nameof(LockWait)]);
        }

        if (BackgroundCheckInterval >= RefreshLead && RefreshLead > TimeSpan.Zero)
        {
            yield return new ValidationResult(
                "BackgroundCheckInterval must be shorter than RefreshLead, or an idle process can miss the refresh window.",
                [nameof(BackgroundCheckInterval)]);
        }
    }
}
