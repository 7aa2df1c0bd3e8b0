using ZaloBot.Dialogs.Text;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Support;

/// <summary>A keyword table: the first rule whose (folded) phrase the message contains decides.</summary>
internal sealed class FakeRecognizer : IRecognizer
{
    private readonly List<(string Phrase, Recognition Result)> _rules = [];

    public Func<string, Recognition>? Override { get; set; }

    public int Calls { get; private set; }

    public FakeRecognizer Answer(string phrase, string label)
    {
        _rules.Add((TextFolding.Fold(phrase), new Recognition(RecognitionDecision.Answer, [new RecognitionCandidate(label, 0.9)])));
        return this;
    }

    public FakeRecognizer Clarify(string phrase, params string[] labels)
    {
        _rules.Add((TextFolding.Fold(phrase), new Recognition(RecognitionDecision.Clarify, labels.Select((l, i) => new RecognitionCandidate(l, 0.5 - (i * 0.1))).ToList())));
        return this;
    }

    public Recognition Recognize(string message)
    {
        Calls++;
        if (Override is not null)
        {
            return Override(message);
        }

        var folded = TextFolding.Fold(message);
        foreach (var (phrase, result) in _rules)
        {
            if (folded.Contains(phrase, StringComparison.Ordinal))
            {
                return result;
            }
        }

        return new Recognition(RecognitionDecision.None, []);
    }

    public static FakeRecognizer Default() => new FakeRecognizer()
        .Answer("khai sinh", "dang-ky-khai-sinh")
        .Answer("phan anh", "intent:feedback")
        .Answer("via he", "intent:feedback")
        .Answer("tra cuu", "intent:status")
        .Answer("nguoi that", "intent:handoff")
        .Answer("khong gui nua", "intent:cancel")
        .Answer("xin chao", "intent:greeting")
        .Clarify("giay to", "dang-ky-khai-sinh", "dang-ky-ket-hon", "intent:feedback");
}
