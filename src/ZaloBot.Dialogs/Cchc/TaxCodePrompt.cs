using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Prompts;
using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Cchc;

/// <summary>A tax code (<see cref="TaxCodes"/>), typed with or without spaces and dots; the result has no separators.</summary>
public sealed class TaxCodePrompt(string id) : Prompt<string>(id)
{
    protected override PromptRecognition<string> Recognize(TurnContext turn, PromptOptions options, DialogInstance instance)
    {
        var text = turn.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(options.RetryText);
        }

        var code = TaxCodes.Normalize(text);
        return TaxCodes.IsValid(code) ? Success(code) : Fail(options.RetryText);
    }
}
