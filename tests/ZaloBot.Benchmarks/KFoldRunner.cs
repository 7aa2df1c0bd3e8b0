using System.Collections.Concurrent;
using System.Globalization;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Dialogs.Understanding.Evaluation;

namespace ZaloBot.Benchmarks;

/// <summary>
/// <c>kfold K [--scores]</c>: k-fold held-out evaluation of the shipped recognizer on the content's own phrasings.
/// <c>--scores</c> also lists, for every miss, the four best blended label scores of its fold's index ("none"
/// included), to see how far the right label was.
/// </summary>
public static class KFoldRunner
{
    public static int Run(string contentDirectory, int folds, IReadOnlyList<string> args, TextWriter output)
    {
        var content = ContentDirectory.Load(contentDirectory);
        var options = OptionOverrides.Apply(args);
        var scores = args.Contains("--scores") ? new ConcurrentDictionary<string, string>(StringComparer.Ordinal) : null;
        output.WriteLine($"{folds}-fold held-out evaluation on {contentDirectory}, {OptionOverrides.Describe(args)}");
        var report = CrossValidation.Run(content.Faq, content.Intents, folds, (faq, intents) =>
        {
            var index = (content with { Faq = faq, Intents = intents }).Build(options);
            return scores is null ? index : new ScoringRecognizer(index, scores);
        });
        EvalReportPrinter.Print(report, output);
        if (scores is not null)
        {
            output.WriteLine();
            output.WriteLine("scores of the misses (blended, best four):");
            foreach (var miss in report.Predictions.Where(p => p.Expected != p.Predicted))
            {
                output.WriteLine($"  [{miss.Expected}] {miss.Message}");
                output.WriteLine($"      {scores.GetValueOrDefault(miss.Message)}");
            }
        }

        return 0;
    }

    /// <summary>Recognises with the index and keeps the message's best label scores.</summary>
    private sealed class ScoringRecognizer(RecognizerIndex index, ConcurrentDictionary<string, string> scores) : IRecognizer
    {
        public Recognition Recognize(string message)
        {
            var labelScores = index.ScoreLabels(index.Normalizer.Normalize(message)) ?? [];
            scores[message] = string.Join(", ", labelScores
                .Select((s, l) => (Score: s, Label: index.LabelName(l)))
                .OrderByDescending(x => x.Score)
                .Take(4)
                .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Label} {t.Score:0.000}")));
            return index.Recognize(message);
        }
    }
}
