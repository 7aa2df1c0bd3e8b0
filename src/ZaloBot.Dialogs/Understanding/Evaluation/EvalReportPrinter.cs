using System.Globalization;

namespace ZaloBot.Dialogs.Understanding.Evaluation;

/// <summary>Human-readable summary of an <see cref="EvalReport"/>: totals, none precision/recall, per label, confusions, misses.</summary>
public static class EvalReportPrinter
{
    public static void Print(EvalReport report, TextWriter output, int topConfusions = 15)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"accuracy {report.Correct}/{report.Total} = {report.Accuracy:P1}"));
        output.WriteLine(string.Create(inv, $"none: precision {report.NonePrecision:P1}, recall {report.NoneRecall:P1}, out-of-scope answered outright {report.ConfidentOutOfScopeErrors}"));
        var decisions = report.Predictions.GroupBy(p => p.Decision).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine(string.Create(inv, $"decisions: {string.Join(", ", decisions)}"));
        output.WriteLine(string.Create(inv, $"feedback recall {report.FeedbackRecall:P1}; wrong answers with confidence >= {EvalReport.ConfidentThreshold}: {report.ConfidentWrongAnswers.Count}"));
        output.WriteLine();
        output.WriteLine("reliability (answered or clarified, by confidence):");
        foreach (var (from, count, correct) in report.Reliability())
        {
            output.WriteLine(string.Create(inv, $"  {from:0.0}-{from + 0.1:0.0}  {correct,4}/{count,-4} {(double)correct / count,7:P1}"));
        }

        output.WriteLine();
        output.WriteLine("per label (correct/total):");
        foreach (var (label, stats) in report.Labels.OrderBy(l => l.Value.Accuracy).ThenBy(l => l.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(inv, $"  {label,-32} {stats.Correct,3}/{stats.Total,-3} {stats.Accuracy,7:P1}"));
        }

        var confusions = report.Confusions(topConfusions);
        if (confusions.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("worst confusions (expected -> predicted):");
            foreach (var (expected, predicted, count) in confusions)
            {
                output.WriteLine(string.Create(inv, $"  {count,3}  {expected} -> {predicted}"));
            }

            output.WriteLine();
            output.WriteLine("misses:");
            foreach (var miss in report.Predictions.Where(p => !p.IsCorrect))
            {
                output.WriteLine(string.Create(inv, $"  [{miss.Expected} -> {miss.Predicted} {miss.Confidence:0.00} {miss.Decision}] {miss.Message}"));
            }
        }
    }
}
