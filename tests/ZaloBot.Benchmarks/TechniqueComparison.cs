using System.Globalization;
using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Dialogs.Understanding.Evaluation;

namespace ZaloBot.Benchmarks;

/// <summary>
/// Runs several techniques/settings on a labelled file and on a 5-fold split of the content's own phrasings
/// (a measure that does not look at the dev set), and prints one line per variant.
/// </summary>
public static class TechniqueComparison
{
    public static int Run(string contentDirectory, string file, TextWriter output)
    {
        var content = ContentDirectory.Load(contentDirectory);
        var lines = File.ReadAllLines(file);
        var variants = new (string Name, Func<ContentDirectory, IRecognizer> Make)[]
        {
            ("default: tf-idf uni+bi + char trigrams, centroid 0.4, typo, question-weighted, tie margin 0.15, centre 0.3", c => c.Build(new RecognizerOptions())),
            ("calibration: tie margin 0 (runner-up ignored)", c => c.Build(new RecognizerOptions { CalibrationTieMargin = 0 })),
            ("calibration: centre 0.35", c => c.Build(new RecognizerOptions { CalibrationCentre = 0.35 })),
            ("calibration: tie margin 0.1", c => c.Build(new RecognizerOptions { CalibrationTieMargin = 0.1 })),
            ("calibration: tie margin 0.25", c => c.Build(new RecognizerOptions { CalibrationTieMargin = 0.25 })),
                        ("calibration: centre 0.25", c => c.Build(new RecognizerOptions { CalibrationCentre = 0.25 })),
            ("nearest exemplar only (centroid 0)", c => c.Build(new RecognizerOptions { CentroidWeight = 0 })),
            ("centroid 0.2", c => c.Build(new RecognizerOptions { CentroidWeight = 0.2 })),
            ("centroid 0.6", c => c.Build(new RecognizerOptions { CentroidWeight = 0.6 })),
            ("centroid only (1.0)", c => c.Build(new RecognizerOptions { CentroidWeight = 1.0 })),
            ("stopword weight 0.3", c => c.Build(new RecognizerOptions { StopwordWeight = 0.3 })),
            ("stopword weight 0.6", c => c.Build(new RecognizerOptions { StopwordWeight = 0.6 })),
            ("stop-features above 20% of exemplars", c => c.Build(new RecognizerOptions { MaxFeatureDocumentRatio = 0.2 })),
            ("unigrams only", c => c.Build(new RecognizerOptions { BigramWeight = 0 })),
            ("words only (no char trigrams)", c => c.Build(new RecognizerOptions { CharTrigramWeight = 0 })),
            ("+ char trigrams 0.3", c => c.Build(new RecognizerOptions { CharTrigramWeight = 0.3 })),
            ("no typo correction", c => c.Build(new RecognizerOptions { CorrectTypos = false })),
            ("all sentences equal (no question weighting)", c => c.Build(new RecognizerOptions { ContextSentenceWeight = 1.0 })),
            ("context weight 0.25", c => c.Build(new RecognizerOptions { ContextSentenceWeight = 0.25 })),
            ("+ char trigrams 0.6", c => c.Build(new RecognizerOptions { CharTrigramWeight = 0.6 })),
            ("+ char trigrams 1.5", c => c.Build(new RecognizerOptions { CharTrigramWeight = 1.5 })),
            ("+ char trigrams 2.0", c => c.Build(new RecognizerOptions { CharTrigramWeight = 2.0 })),
            ("stop-features above 2% of exemplars", c => c.Build(new RecognizerOptions { MaxFeatureDocumentRatio = 0.02 })),
            ("stop-features above 10% of exemplars", c => c.Build(new RecognizerOptions { MaxFeatureDocumentRatio = 0.10 })),
            ("stop-features above 5% of exemplars", c => c.Build(new RecognizerOptions { MaxFeatureDocumentRatio = 0.05 })),
            ("no stop-features (100%)", c => c.Build(new RecognizerOptions { MaxFeatureDocumentRatio = 1.0 })),
            ("none scored like other labels (blend)", c => c.Build(new RecognizerOptions { OutOfScopeNearestOnly = false })),
            ("none weight 0.95", c => c.Build(new RecognizerOptions { OutOfScopeWeight = 0.95 })),
            ("none weight 0.9", c => c.Build(new RecognizerOptions { OutOfScopeWeight = 0.9 })),
            ("none weight 0.85", c => c.Build(new RecognizerOptions { OutOfScopeWeight = 0.85 })),
            ("naive bayes uni+bi", c => new NaiveBayesRecognizer(c.Faq, c.Intents, c.Abbreviations)),
        };

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine("variant | dev acc | none P | none R | OOS answered | dev answered (share, precision) | 5-fold acc | 5-fold feedback | 5-fold none | 5-fold answered (share, precision)");
        foreach (var (name, make) in variants)
        {
            var report = Evaluator.Run(make(content), lines);
            var reliability = new List<(double Confidence, bool Correct, RecognitionDecision Decision)>();
            var folds = CrossValidate(content, make, null, reliability);
            var answered = report.Predictions.Where(p => p.Decision == RecognitionDecision.Answer).ToList();
            var cvAnswered = reliability.Where(r => r.Decision == RecognitionDecision.Answer).ToList();
            output.WriteLine(string.Create(inv,
                $"{name} | {report.Accuracy:P1} | {report.NonePrecision:P1} | {report.NoneRecall:P1} | {report.ConfidentOutOfScopeErrors} | {(double)answered.Count / report.Total:P0}, {answered.Count(p => p.IsCorrect) / (double)Math.Max(1, answered.Count):P1} | {folds.Overall:P1} | {folds.Feedback:P1} | {folds.None:P1} | {(double)cvAnswered.Count / Math.Max(1, reliability.Count):P0}, {cvAnswered.Count(r => r.Correct) / (double)Math.Max(1, cvAnswered.Count):P1}"));
        }

        // Reliability of the default's confidence on held-out phrasings it answered or clarified: share correct per bin.
        var defaultReliability = new List<(double Confidence, bool Correct, RecognitionDecision Decision)>();
        CrossValidate(content, c => c.Build(new RecognizerOptions()), Environment.GetEnvironmentVariable("ZALOBOT_CV_MISSES") == "1" ? output : null, defaultReliability);
        output.WriteLine("confidence bin | held-out phrasings answered or clarified | share correct");
        foreach (var bin in defaultReliability.Where(r => r.Decision != RecognitionDecision.None).GroupBy(r => Math.Min(9, (int)(r.Confidence * 10))).OrderBy(g => g.Key))
        {
            output.WriteLine(string.Create(inv, $"{bin.Key / 10.0:0.0}-{(bin.Key + 1) / 10.0:0.0} | {bin.Count()} | {bin.Count(r => r.Correct) / (double)bin.Count():P0}"));
        }

        return 0;
    }

    /// <summary>Holds out every fifth phrasing of every label, trains on the rest, and scores the held-out ones.</summary>
    private static (double Overall, double Feedback, double None) CrossValidate(
        ContentDirectory content, Func<ContentDirectory, IRecognizer> make, TextWriter? misses = null, List<(double Confidence, bool Correct, RecognitionDecision Decision)>? reliability = null)
    {
        const int Folds = 5;
        int correct = 0, total = 0;
        var perLabel = new Dictionary<string, (int Correct, int Total)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            bool Keep(int i) => i % Folds != fold;
            var faq = content.Faq.Select(e => e with { Phrasings = e.Phrasings.Where((_, i) => Keep(i)).ToList() }).ToList();
            var intents = new IntentContent(
                content.Intents.Intents.Select(d => d with { Phrasings = d.Phrasings.Where((_, i) => Keep(i)).ToList() }).ToList(),
                content.Intents.OutOfScope.Where((_, i) => Keep(i)).ToList(),
                content.Intents.Stopwords);
            var recognizer = make(content with { Faq = faq, Intents = intents });
            var held = content.Faq.SelectMany(e => e.Phrasings.Where((_, i) => !Keep(i)).Select(p => (p, e.Slug)))
                .Concat(content.Intents.Intents.SelectMany(d => d.Phrasings.Where((_, i) => !Keep(i)).Select(p => (p, d.Name))))
                .Concat(content.Intents.OutOfScope.Where((_, i) => !Keep(i)).Select(p => (p, Recognition.None)));
            foreach (var (text, label) in held)
            {
                total++;
                var recognition = recognizer.Recognize(text);
                var predicted = recognition.TopLabel;
                reliability?.Add((recognition.TopConfidence, predicted == label, recognition.Decision));

                var (labelCorrect, labelTotal) = perLabel.GetValueOrDefault(label);
                perLabel[label] = (labelCorrect + (predicted == label ? 1 : 0), labelTotal + 1);
                if (predicted == label)
                {
                    correct++;
                }
                else
                {
                    misses?.WriteLine($"  cv miss [{label} -> {predicted}] {text}");
                }
            }
        }

        double Recall(string label) => perLabel.TryGetValue(label, out var c) && c.Total > 0 ? (double)c.Correct / c.Total : 0;
        return (total == 0 ? 0 : (double)correct / total, Recall("intent:feedback"), Recall(Recognition.None));
    }
}
