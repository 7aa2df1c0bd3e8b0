using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Cchc;

/// <summary>One subscriber was told of one post. Unique on (post, citizen): nobody is told twice of the same post.</summary>
public sealed class CchcDelivery
{
    public long Id { get; set; }

    public long PostId { get; set; }

    [MaxLength(64)]
    public required string ZaloUserId { get; set; }

    public CchcDeliveryKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    public long? OutboundMessageId { get; set; }
}
