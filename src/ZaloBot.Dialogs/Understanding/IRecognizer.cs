namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// Ranks FAQ entries and intents for a message at the top of a conversation.
/// Labels are FAQ slugs ("dang-ky-khai-sinh"), intents ("intent:feedback") or "none".
/// </summary>
public interface IRecognizer
{
    Recognition Recognize(string message);
}
