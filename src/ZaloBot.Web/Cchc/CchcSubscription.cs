using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Cchc;

/// <summary>A citizen who asked for CCHC news ("đăng ký nhận tin"); one row per citizen, switched off by "hủy".</summary>
public sealed class CchcSubscription
{
    public long Id { get; set; }

    [MaxLength(64)]
    public required string ZaloUserId { get; set; }

    public bool IsActive { get; set; }

    public DateTimeOffset SubscribedAt { get; set; }

    public DateTimeOffset? UnsubscribedAt { get; set; }
}
