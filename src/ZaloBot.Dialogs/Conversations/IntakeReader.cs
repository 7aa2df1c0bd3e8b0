using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>
/// Reads intake slots out of free text (pure): the category from cue words, the ward from "p9" / "phường 9" / "P.9" /
/// "ward 9" / a ward's name, or from a street of the street → ward table, and a typed address before a street.
/// Matching is on folded words (no case, no diacritics, punctuation as spaces), so "tran quoc thao" finds
/// "Trần Quốc Thảo".
/// </summary>
public static partial class IntakeReader
{
    /// <summary>The folded words of <paramref name="text"/> with a space at each end, for whole-word search.</summary>
    public static string Words(string? text)
    {
        var folded = TextFolding.Fold(text);
        var builder = new StringBuilder(folded.Length + 2).Append(' ');
        foreach (var c in folded)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return SpacesRegex().Replace(builder.Append(' ').ToString(), " ");
    }

    /// <summary>
    /// The category the words point to. An emergency cue wins over everything (safety first), then a complaint or
    /// denunciation cue (their legal route); otherwise the category with the most cue phrases, if it has strictly more
    /// than the next. Ties come back as candidates, to be asked first.
    /// </summary>
    public static CategoryGuess InferCategory(string? text, IReadOnlyList<FeedbackCategoryView> categories)
    {
        // Folding merges short cues with other words ("cống" drain and "công" public both fold to "cong"): a message
        // typed with diacritics is matched with them; one typed without is matched folded.
        var accented = HasMarks(text);
        var words = accented ? MarkedWords(text) : Words(text);
        var hits = categories
            .Select(c => (Category: c, Hits: CueFormsOf(c).Count(cue => accented
                ? words.Contains(cue.Marked, StringComparison.Ordinal)
                : cue.Folded.Length > 2 && words.Contains(cue.Folded, StringComparison.Ordinal))))
            .Where(x => x.Hits > 0)
            .ToList();
        if (hits.FirstOrDefault(x => x.Category.Kind == CategoryKind.Emergency) is { Category: { } emergency })
        {
            return new CategoryGuess(emergency, []);
        }

        if (hits.FirstOrDefault(x => x.Category.Kind == CategoryKind.ComplaintOrDenunciation) is { Category: { } legal })
        {
            return new CategoryGuess(legal, []);
        }

        var ranked = hits.OrderByDescending(x => x.Hits).ToList();
        if (ranked.Count == 0)
        {
            return new CategoryGuess(null, []);
        }

        if (ranked.Count == 1 || ranked[0].Hits > ranked[1].Hits)
        {
            return new CategoryGuess(ranked[0].Category, []);
        }

        return new CategoryGuess(null, ranked.Where(x => x.Hits == ranked[0].Hits).Select(x => x.Category.Code).ToList());
    }

    /// <summary>A ward named in the text ("p9", "phường 9", "P.9", "ward 9", "Võ Thị Sáu"), or null.</summary>
    public static Ward? FindWard(string? text, IReadOnlyList<Ward> wards)
    {
        var words = Words(text);
        foreach (var ward in wards)
        {
            var name = Words(ward.Name).Trim();
            var number = WardNumberRegex().Match(name);
            if (number.Success)
            {
                var n = int.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture);
                if (Regex.IsMatch(words, $@" (?:phuong|p|f|ward) ?0?{n} ", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
                {
                    return ward;
                }

                continue;
            }

            var bare = name.StartsWith("phuong ", StringComparison.Ordinal) ? name["phuong ".Length..] : name;
            if (Contains(words, bare) || ward.Synonyms.Any(s => s.Length >= 3 && !s.All(char.IsAsciiDigit) && Contains(words, s)))
            {
                return ward;
            }
        }

        return null;
    }

    /// <summary>The longest street of the table named in the text, or null.</summary>
    public static Street? FindStreet(string? text, IReadOnlyList<Street> streets)
    {
        var words = Words(text);
        return streets.Where(s => Contains(words, s.Name)).MaxBy(s => s.Name.Length);
    }

    /// <summary>"hẻm 50 Trần Quốc Thảo", "số 12 Võ Văn Tần": the house or alley number before the street, with the street's own spelling.</summary>
    public static string AddressOf(string text, Street street, BotTexts texts)
    {
        var words = Words(text);
        var at = words.IndexOf(Words(street.Name), StringComparison.Ordinal);
        var before = at > 0 ? words[..(at + 1)] : "";
        var number = HouseNumberRegex().Match(before);
        if (!number.Success)
        {
            return street.Name;
        }

        var kind = number.Groups[1].Value switch
        {
            "hem" or "hxh" => texts.AddressAlley,
            "ngo" => texts.AddressLane,
            "kiet" => texts.AddressKiet,
            _ => texts.AddressHouse,
        };
        return $"{kind} {number.Groups[2].Value} {street.Name}";
    }

    /// <summary>A question rather than a report: a question mark or a question word of the content file.</summary>
    public static bool IsQuestion(string? text, BotTexts texts)
    {
        if ((text ?? "").Contains('?', StringComparison.Ordinal))
        {
            return true;
        }

        var words = Words(text);
        return FoldedForms.GetValue(texts.QuestionWords, static list => [.. list.Select(w => Words(w))])
            .Any(w => w.Length > 2 && words.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>
    /// The cue phrases of a category in both forms, computed once per category object (the web app keeps its categories
    /// for seconds; the intake asks on almost every message, and normalising ~100 cues each time cost more than the
    /// recognizer: docs/performance.md "Turns"). Keyed by reference, so a new snapshot gets new forms.
    /// </summary>
    private static CueForm[] CueFormsOf(FeedbackCategoryView category) =>
        CueForms.GetValue(category, static c => [.. c.Cues.Select(cue => new CueForm(MarkedWords(cue), Words(cue)))]);

    private static readonly ConditionalWeakTable<FeedbackCategoryView, CueForm[]> CueForms = new();

    /// <summary>The folded forms of a content word list (by reference: the lists of <see cref="BotTexts"/> live as long as it).</summary>
    private static readonly ConditionalWeakTable<List<string>, string[]> FoldedForms = new();

    private sealed record CueForm(string Marked, string Folded);

    private static bool HasMarks(string? text) =>
        (text ?? "").ToLowerInvariant().Normalize(NormalizationForm.FormD)
            .Any(c => c == 'đ' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    /// <summary>Like <see cref="Words"/>, keeping diacritics (lowercase, composed).</summary>
    private static string MarkedWords(string? text)
    {
        var lower = (text ?? "").ToLowerInvariant().Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(lower.Length + 2).Append(' ');
        foreach (var c in lower)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return SpacesRegex().Replace(builder.Append(' ').ToString(), " ");
    }

    private static bool Contains(string words, string phrase) =>
        Words(phrase) is { Length: > 2 } folded && words.Contains(folded, StringComparison.Ordinal);

    [GeneratedRegex(" +")]
    private static partial Regex SpacesRegex();

    [GeneratedRegex(@"^phuong (\d{1,2})$")]
    private static partial Regex WardNumberRegex();

    [GeneratedRegex(@" (so nha|so|hem|hxh|ngo|kiet|nha) (\d+[a-z]?(?: \d+[a-z]?)?) (?:duong )?$")]
    private static partial Regex HouseNumberRegex();
}
