using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Prompts;

/// <summary>
/// Yes/no in everyday Vietnamese: "có", "ừ", "dạ", "vâng", "ok", "đúng", "đồng ý" / "không",
/// "thôi", "sai", "ko", "k" (word lists in the content file), with polite particles ("ạ", "nhé")
/// ignored, plus the two button labels.
/// </summary>
public sealed class ConfirmPrompt : Prompt<bool>
{
    public ConfirmPrompt(string id)
        : base(id)
    {
    }

    public static bool? Match(string? text, IReadOnlyList<string> yesWords, IReadOnlyList<string> noWords, IReadOnlyList<string> particles)
    {
        var folded = TextFolding.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        var particleSet = particles.Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);
        var tokens = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !particleSet.Contains(t)).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        var core = string.Join(' ', tokens);
        var yes = yesWords.Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);
        var no = noWords.Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);
        if (yes.Contains(core))
        {
            return true;
        }

        if (no.Contains(core))
        {
            return false;
        }

        if (tokens.All(yes.Contains))
        {
            return true;
        }

        return tokens.All(no.Contains) ? false : null;
    }

    protected override PromptRecognition<bool> Recognize(TurnContext turn, PromptOptions options, DialogInstance instance)
    {
        var texts = turn.Texts;
        var yesWords = texts.YesWords.Append(options.YesLabel ?? texts.YesButton).ToList();
        var noWords = texts.NoWords.Append(options.NoLabel ?? texts.NoButton).ToList();
        return Match(turn.Activity.Text, yesWords, noWords, texts.PoliteParticles) is { } answer
            ? Success(answer)
            : Fail(options.RetryText ?? texts.PromptConfirmRetry);
    }

    protected override void Render(TurnContext turn, PromptOptions options, string text) =>
        turn.Send(OutgoingMessage.Create(text, WithSkip(turn, options,
        [
            MessageButton.Show(options.YesLabel ?? turn.Texts.YesButton),
            MessageButton.Show(options.NoLabel ?? turn.Texts.NoButton),
            .. options.Buttons,
        ])));
}
