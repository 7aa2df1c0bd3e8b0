namespace ZaloBot.Dialogs.Ports;

/// <summary>
/// A feedback category (configurable, from the database). Synonyms are extra words that select it when asked; cues are
/// words in a citizen's own description that point to it ("đèn đường", "karaoke"), so the intake need not ask.
/// </summary>
public sealed record FeedbackCategory(string Code, string Label, CategoryKind Kind, IReadOnlyList<string> Synonyms)
{
    public IReadOnlyList<string> Cues { get; init; } = [];
}
