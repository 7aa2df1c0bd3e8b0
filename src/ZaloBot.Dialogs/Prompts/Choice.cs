namespace ZaloBot.Dialogs.Prompts;

/// <summary>One option of a choice prompt: a stable value, the label shown, extra words that select it.</summary>
public sealed record Choice(string Value, string Label, IReadOnlyList<string>? Synonyms = null);
