namespace ZaloBot.Dialogs.Ports;

/// <summary>A feedback category (configurable, from the database). Synonyms are extra words that select it.</summary>
public sealed record FeedbackCategory(string Code, string Label, CategoryKind Kind, IReadOnlyList<string> Synonyms);
