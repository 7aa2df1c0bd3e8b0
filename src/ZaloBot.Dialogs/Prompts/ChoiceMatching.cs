using System.Globalization;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Prompts;

/// <summary>
/// One of a list. Rendered as <c>oa.query.show</c> buttons whose payload is the label, five per
/// message (Zalo's limit; longer lists continue in further messages). Accepts the label typed with
/// or without diacritics, a synonym, a label contained in the text, or its number.
/// </summary>
public sealed class ChoicePrompt : Prompt<FoundChoice>
{
    public ChoicePrompt(string id)
        : base(id)
    {
    }

    public static FoundChoice? Match(string? text, IReadOnlyList<Choice> choices, bool acceptNumbers)
    {
        var folded = TextFolding.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            if (TextFolding.Fold(choice.Label) == folded || (choice.Synonyms ?? []).Any(s => TextFolding.Fold(s) == folded))
            {
                return new FoundChoice(choice.Value, choice.Label, i);
            }
        }

        if (acceptNumbers && int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count)
        {
            return new FoundChoice(choices[number - 1].Value, choices[number - 1].Label, number - 1);
        }

        var contained = choices
            .Select((c, i) => (Choice: c, Index: i))
            .Where(x => TextFolding.ContainsPhrase(text, [x.Choice.Label]))
            .ToList();
        return contained.Count == 1 ? new FoundChoice(contained[0].Choice.Value, contained[0].Choice.Label, contained[0].Index) : null;
    }

    protected override PromptRecognition<FoundChoice> Recognize(TurnContext turn, PromptOptions options, DialogInstance instance) =>
        Match(turn.Activity.Text, options.Choices, options.AcceptNumbers) is { } found
            ? Success(found)
            : Fail();

    protected override void Render(TurnContext turn, PromptOptions options, string text)
    {
        var buttons = WithSkip(turn, options, options.Choices.Select(c => MessageButton.Show(c.Label)).Concat(options.Buttons)).ToList();
        for (var i = 0; i < buttons.Count || i == 0; i += OutgoingMessage.MaxButtons)
        {
            var page = buttons.Skip(i).Take(OutgoingMessage.MaxButtons);
            turn.Send(OutgoingMessage.Create(i == 0 ? text : turn.Texts.ChoiceMore, page));
        }
    }
}
