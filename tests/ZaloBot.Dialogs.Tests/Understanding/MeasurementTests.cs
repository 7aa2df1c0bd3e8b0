using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Dialogs.Understanding.Evaluation;

namespace ZaloBot.Dialogs.Tests.Understanding;

public class MeasurementTests
{
    private static readonly FaqEntry[] Faq =
    [
        new("khai-sinh", "c", "đăng ký khai sinh", ["làm giấy khai sinh cho con", "khai sinh cho bé", "con mới sinh làm giấy gì"], [], "A", false, true),
        new("ket-hon", "c", "đăng ký kết hôn", ["làm giấy kết hôn", "cưới vợ đăng ký ở đâu", "đăng ký kết hôn cần gì"], [], "B", false, true),
    ];

    [Test]
    public void CrossValidation_EveryPhrasingHeldOutOnce_NeverTrainedOnInItsFold()
    {
        var intents = new IntentContent([], ["giá vàng hôm nay", "thời tiết mai", "xổ số"], []);
        var leaks = 0;
        var report = CrossValidation.Run(Faq, intents, 3, (faq, trainIntents) =>
        {
            var trained = faq.SelectMany(e => e.Phrasings.Prepend(e.Question)).Concat(trainIntents.OutOfScope).ToHashSet();
            var index = RecognizerIndex.Build(faq, trainIntents, AbbreviationDictionary.Empty, new RecognizerOptions());
            return new Spy(index, trained, () => leaks++);
        });

        Assert.That(report.Total, Is.EqualTo(9));
        Assert.That(report.Predictions.Select(p => p.Message), Is.Unique);
        Assert.That(leaks, Is.Zero);
    }

    [Test]
    public void NearDuplicates_CopyWithTypo_FoundAndRewordingNot()
    {
        var found = NearDuplicateCheck.Find(
            ["Làm giấy khai sinh cho con cần những gì?"],
            ["lam giay khai sinh cho con can nhung gi a", "bé nhà mình mới chào đời, thủ tục ra sao"]);

        Assert.That(found.Select(f => f.Message), Is.EqualTo(new[] { "lam giay khai sinh cho con can nhung gi a" }));
    }

    [Test]
    public void Report_ConfidentWrongAnswerAndReliability_Counted()
    {
        var report = Evaluator.Summarise(
        [
            new EvalPrediction("a", "x", "y", 0.85, RecognitionDecision.Answer),
            new EvalPrediction("b", "x", "x", 0.95, RecognitionDecision.Answer),
            new EvalPrediction("c", "intent:feedback", "intent:feedback", 0.5, RecognitionDecision.Clarify),
            new EvalPrediction("d", "intent:feedback", "none", 0.2, RecognitionDecision.None),
        ]);

        Assert.That(report.ConfidentWrongAnswers.Select(p => p.Message), Is.EqualTo(new[] { "a" }));
        Assert.That(report.FeedbackRecall, Is.EqualTo(0.5));
        Assert.That(report.Reliability(), Is.EqualTo(new[] { (0.5, 1, 1), (0.8, 1, 0), (0.9, 1, 1) }));
    }

    private sealed class Spy(IRecognizer inner, HashSet<string> trained, Action leak) : IRecognizer
    {
        public Recognition Recognize(string message)
        {
            if (trained.Contains(message))
            {
                leak();
            }

            return inner.Recognize(message);
        }
    }
}
