using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Dialogs.Prompts;

/// <summary>Free text within <see cref="PromptOptions.MinLength"/>..<see cref="PromptOptions.MaxLength"/> characters.</summary>
public sealed class TextPrompt : Prompt<string>
{
    public TextPrompt(string id)
        : base(id)
    {
    }

    protected override PromptRecognition<string> Recognize(TurnContext turn, PromptOptions options, DialogInstance instance)
    {
        var text = turn.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Fail(turn.Texts.PromptTextExpected);
        }

        if (options.MinLength is { } min && text.Length < min)
        {
            return Fail(turn.Texts.Fill(turn.Texts.PromptTextTooShort, ("min", min)));
        }

        if (options.MaxLength is { } max && text.Length > max)
        {
            return Fail(turn.Texts.Fill(turn.Texts.PromptTextTooLong, ("max", max), ("length", text.Length)));
        }

        return Success(text);
    }
}
