namespace ZaloBot.Dialogs.Prompts;

/// <summary>What a prompt ends with; the next waterfall step receives it as its result.</summary>
public sealed record PromptResult<T>(PromptStatus Status, T? Value)
{
    public bool Succeeded => Status == PromptStatus.Recognized;
}
