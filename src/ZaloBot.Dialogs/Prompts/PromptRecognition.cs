namespace ZaloBot.Dialogs.Prompts;

/// <summary>How a prompt read one activity: a value, an error to show, or "keep waiting" (collecting).</summary>
public sealed record PromptRecognition<T>(bool Succeeded, T? Value, string? Error, bool Pending = false);
