namespace ZaloBot.Dialogs.Understanding.Evaluation;

/// <summary>Accuracy of a recognizer on a labelled set, overall and per expected label, with every prediction.</summary>
public sealed record EvalReport(IReadOnlyDictionary<string, EvalLabelStats> Labels, IReadOnlyList<EvalPrediction> Predictions)
{
    public int Total => Predictions.Count;

    public int Correct => Predictions.Count(p => p.IsCorrect);

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>Of the messages predicted "none", the share that really were out of scope.</summary>
    public double NonePrecision
    {
        get
        {
            var predicted = Predictions.Count(p => p.Predicted == Recognition.None);
            return predicted == 0 ? 0 : (double)Predictions.Count(p => p.Predicted == Recognition.None && p.IsCorrect) / predicted;
        }
    }

    /// <summary>Of the out-of-scope messages, the share predicted "none".</summary>
    public double NoneRecall => Labels.TryGetValue(Recognition.None, out var none) ? none.Accuracy : 0;

    /// <summary>Out-of-scope messages the bot would have answered outright (decision Answer) with an FAQ or intent.</summary>
    public int ConfidentOutOfScopeErrors =>
        Predictions.Count(p => p.Expected == Recognition.None && !p.IsCorrect && p.Decision == RecognitionDecision.Answer);

    /// <summary>(expected, predicted) pairs of the mistakes, most frequent first.</summary>
    public IReadOnlyList<(string Expected, string Predicted, int Count)> Confusions(int top) =>
        Predictions.Where(p => !p.IsCorrect)
            .GroupBy(p => (p.Expected, p.Predicted))
            .Select(g => (g.Key.Expected, g.Key.Predicted, g.Count()))
            .OrderByDescending(c => c.Item3)
            .ThenBy(c => c.Expected, StringComparer.Ordinal)
            .ThenBy(c => c.Predicted, StringComparer.Ordinal)
            .Take(top)
            .ToList();

    /// <summary>The confidence at or above which a wrong answer counts as a bug (issue 12: there must be none).</summary>
    public const double ConfidentThreshold = 0.8;

    /// <summary>Wrong predictions answered outright with a confidence of at least <see cref="ConfidentThreshold"/>.</summary>
    public IReadOnlyList<EvalPrediction> ConfidentWrongAnswers =>
        Predictions.Where(p => !p.IsCorrect && p.Decision == RecognitionDecision.Answer && p.Confidence >= ConfidentThreshold).ToList();

    /// <summary>Share of messages expected to be <c>intent:feedback</c> (reports of local problems included) that got it.</summary>
    public double FeedbackRecall => Labels.TryGetValue("intent:feedback", out var feedback) ? feedback.Accuracy : 0;

    /// <summary>
    /// Reliability of the confidence: predictions that were answered or clarified, binned by the top confidence in
    /// tenths (0.3-0.4 … 0.9-1.0), with how many fell in the bin and how many of those were right.
    /// </summary>
    public IReadOnlyList<(double From, int Count, int Correct)> Reliability() =>
        Predictions.Where(p => p.Decision != RecognitionDecision.None)
            .GroupBy(p => Math.Min(9, (int)(p.Confidence * 10)))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key / 10.0, g.Count(), g.Count(p => p.IsCorrect)))
            .ToList();
}
