using System.Text.RegularExpressions;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Benchmarks;

/// <summary>Wraps a recognizer over synthesised entries and reports "slug-s12" as "slug", for accuracy at scale.</summary>
public sealed partial class SyntheticLabelFolding(IRecognizer inner) : IRecognizer
{
    public Recognition Recognize(string message)
    {
        var recognition = inner.Recognize(message);
        return recognition with
        {
            Candidates = recognition.Candidates.Select(c => c with { Label = Suffix().Replace(c.Label, string.Empty) }).ToList(),
        };
    }

    [GeneratedRegex(@"-s\d+$")]
    private static partial Regex Suffix();
}
