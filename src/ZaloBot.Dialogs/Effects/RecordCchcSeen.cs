namespace ZaloBot.Dialogs.Effects;

/// <summary>
/// The chat showed these posts to a subscriber ("tin mới" on a visit, or the list they asked for): they count as told
/// (an on-visit delivery), so neither a later visit nor anything else tells them of the same post again.
/// </summary>
public sealed record RecordCchcSeen(string ZaloUserId, IReadOnlyList<long> PostIds) : TurnEffect;
