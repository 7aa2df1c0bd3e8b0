using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Dialogs.Prompts;

/// <summary>Serialisable prompt settings, stored in the prompt's dialog state while it waits.</summary>
public sealed record PromptOptions
{
    public required string Text { get; init; }

    /// <summary>Shown after an invalid answer when the prompt has no more specific error.</summary>
    public string? RetryText { get; init; }

    /// <summary>Optional step: adds a "Bỏ qua" button and accepts the skip words.</summary>
    public bool AllowSkip { get; init; }

    /// <summary>Defaults to <see cref="BotOptions.MaxPromptAttempts"/>.</summary>
    public int? MaxAttempts { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Confirm prompt button labels (also accepted as typed answers).</summary>
    public string? YesLabel { get; init; }

    public string? NoLabel { get; init; }

    /// <summary>Phone prompt: the Zalo one-tap form sent with the prompt.</summary>
    public UserInfoRequest? InfoRequest { get; init; }

    /// <summary>Extra buttons shown with the prompt (e.g. "Xong").</summary>
    public IReadOnlyList<MessageButton> Buttons { get; init; } = [];
}
