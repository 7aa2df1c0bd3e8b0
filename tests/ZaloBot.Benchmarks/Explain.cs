using System.Globalization;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Benchmarks;

/// <summary>Shows, for one message, the best labels by nearest exemplar, by centroid and blended: for content work.</summary>
public static class Explain
{
    public static int Run(string contentDirectory, string message, TextWriter output)
    {
        var content = ContentDirectory.Load(contentDirectory);
        var inv = CultureInfo.InvariantCulture;
        foreach (var (name, options) in new (string, RecognizerOptions)[]
        {
            ("nearest exemplar", new RecognizerOptions { CentroidWeight = 0 }),
            ("centroid", new RecognizerOptions { CentroidWeight = 1, OutOfScopeNearestOnly = false }),
            ("default blend", new RecognizerOptions()),
        })
        {
            var index = content.Build(options);
            var scores = index.ScoreLabels(index.Normalizer.Normalize(message)) ?? [];
            var top = scores.Select((s, l) => (Score: s, Label: index.LabelName(l))).OrderByDescending(x => x.Score).Take(4);
            output.WriteLine($"{name}: " + string.Join(", ", top.Select(t => string.Create(inv, $"{t.Label} {t.Score:0.000}"))));
        }

        var recognition = content.Build(new RecognizerOptions()).Recognize(message);
        output.WriteLine(string.Create(inv, $"decision {recognition.Decision}, top {recognition.TopLabel} {recognition.TopConfidence:0.00}"));
        return 0;
    }
}
