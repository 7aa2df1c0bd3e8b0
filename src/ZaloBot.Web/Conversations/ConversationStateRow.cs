using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// A citizen's conversation and user state (the engine's <c>BotState</c> as JSON). Saved by the committer in the same
/// transaction as the turn's effects and outbox rows; <see cref="Version"/> (PostgreSQL <c>xmin</c>) makes the save
/// fail when another turn saved since this one read, and the turn re-runs on the fresh state.
/// </summary>
public sealed class ConversationStateRow
{
    [Key]
    [MaxLength(64)]
    public required string ZaloUserId { get; set; }

    public required string State { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
