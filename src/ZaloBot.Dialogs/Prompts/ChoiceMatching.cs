using System.Globalization;
using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Prompts;

/// <summary>
/// Finds one of a list in what the citizen typed or tapped (choice buttons are <c>oa.query.show</c> with the label as
/// payload): the label with or without diacritics, a synonym, its number (when <c>acceptNumbers</c>; off when labels
/// hold numbers, as wards do), or the one label contained in the text.
/// </summary>
public static class ChoiceMatching
{
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
}
