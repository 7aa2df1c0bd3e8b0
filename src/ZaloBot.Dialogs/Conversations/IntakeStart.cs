namespace ZaloBot.Dialogs.Conversations;

/// <summary>How an intake begins: from the citizen's own report (<paramref name="Message"/>, the description draft) or the menu, possibly resuming a kept draft.</summary>
public sealed record IntakeStart(string? Message, IntakeDraft? Resume);
