namespace ZaloBot.Dialogs.Ports;

/// <summary>
/// A feedback category as the chat sees it (the row is <c>Web/Feedback/FeedbackCategory</c>, configurable). Synonyms are extra words that select it when asked; cues are
/// words in a citizen's own description that point to it ("đèn đường", "karaoke"), so the intake need not ask.
/// </summary>
public sealed record FeedbackCategoryView(string Code, string Label, CategoryKind Kind, IReadOnlyList<string> Synonyms)
{
    public IReadOnlyList<string> Cues { get; init; } = [];
}
