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
}
