namespace ZaloBot.Dialogs.Prompts;

public sealed record FoundChoice(string Value, string Label, int Index);
