namespace ZaloBot.Dialogs.Prompts;

public enum PromptStatus
{
    Recognized = 0,

    /// <summary>The citizen chose "Bỏ qua" on an optional prompt.</summary>
    Skipped = 1,

    /// <summary>Too many invalid answers; the prompt already told the citizen.</summary>
    TooManyAttempts = 2,
}
