namespace ZaloBot.Dialogs.Understanding.Evaluation;

/// <summary>Runs a recognizer over <c>message&lt;TAB&gt;expected</c> lines (the format of shared/eval/*.tsv).</summary>
public static class Evaluator
{
    /// <summary>Blank lines are skipped; any other line must have exactly two tab-separated fields.</summary>
    public static EvalReport Run(IRecognizer recognizer, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(lines);
        var predictions = new List<EvalPrediction>();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.TrimEnd('\r').Split('\t');
            if (fields.Length != 2 || fields[1].Trim().Length == 0)
            {
                throw new FormatException($"Line {lineNumber}: expected 'message<TAB>expected'.");
            }

            var expected = fields[1].Trim();
            var recognition = recognizer.Recognize(fields[0]);
            predictions.Add(new EvalPrediction(fields[0], expected, recognition.TopLabel, recognition.TopConfidence, recognition.Decision));
        }

        return Summarise(predictions);
    }

    /// <summary>Groups predictions into a report (per expected label, in ordinal order).</summary>
    public static EvalReport Summarise(IReadOnlyList<EvalPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var labels = predictions
            .GroupBy(p => p.Expected, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new EvalLabelStats(g.Count(), g.Count(p => p.IsCorrect)), StringComparer.Ordinal);
        return new EvalReport(labels, predictions);
    }
}
