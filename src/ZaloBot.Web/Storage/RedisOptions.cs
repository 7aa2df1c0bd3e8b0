using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Storage;

/// <summary>Section "Redis".</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>Prefix of every key, so several deployments (or test runs) can share one server.</summary>
    [Required]
    [RegularExpression("^[a-z0-9:_-]{1,40}$")]
    public string KeyPrefix { get; set; } = "zalobot:";

    /// <summary>
    /// SECRET. The server's <c>requirepass</c>, kept apart from <c>ConnectionStrings:Redis</c> so the address can sit in
    /// a config map and the password in a secret. Overrides a <c>password=</c> of the connection string. Required in
    /// Production (one of the two).
    /// </summary>
    public string? Password { get; set; }

    /// <summary>
    /// Connect timeout. 2 s keeps start-up and health checks snappy; Zalo wants our 200 within 2 s, so the
    /// webhook falls back to PostgreSQL rather than waiting longer on Redis.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
