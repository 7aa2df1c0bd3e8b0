using ZaloBot.Dialogs.Faq;

namespace ZaloBot.Dialogs.Understanding.Evaluation;

/// <summary>
/// k-fold held-out evaluation on the content itself: the phrasings of every label (FAQ phrasings, intent phrasings,
/// out-of-scope exemplars) are dealt into <c>k</c> folds by position (phrasing i goes to fold i mod k); each fold is
/// recognised by an index built from everything else. An FAQ entry's canonical question always stays in training,
/// so every label is known in every fold. Anything the recognizer derives from content at build time (augmented
/// variants, the learned model) is derived from the training folds only, because it is derived inside Build.
/// The measure never looks at an evaluation file, so it is the one to tune on.
/// </summary>
public static class CrossValidation
{
    public delegate IRecognizer BuildRecognizer(IReadOnlyList<FaqEntry> faq, IntentContent intents);

    public static EvalReport Run(IReadOnlyList<FaqEntry> faq, IntentContent intents, int folds, BuildRecognizer build)
    {
        ArgumentNullException.ThrowIfNull(faq);
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);

        var predictions = new List<EvalPrediction>();
        for (var fold = 0; fold < folds; fold++)
        {
            var current = fold;
            bool Train(int i) => i % folds != current;
            var trainFaq = faq.Select(e => e with { Phrasings = e.Phrasings.Where((_, i) => Train(i)).ToList() }).ToList();
            var trainIntents = new IntentContent(
                intents.Intents.Select(d => d with { Phrasings = d.Phrasings.Where((_, i) => Train(i)).ToList() }).ToList(),
                intents.OutOfScope.Where((_, i) => Train(i)).ToList(),
                intents.Stopwords);
            var recognizer = build(trainFaq, trainIntents);
            var held = faq.Where(e => e.Published).SelectMany(e => e.Phrasings.Where((_, i) => !Train(i)).Select(p => (p, e.Slug)))
                .Concat(intents.Intents.SelectMany(d => d.Phrasings.Where((_, i) => !Train(i)).Select(p => (p, d.Name))))
                .Concat(intents.OutOfScope.Where((_, i) => !Train(i)).Select(p => (p, Recognition.None)));
            foreach (var (text, label) in held)
            {
                var recognition = recognizer.Recognize(text);
                predictions.Add(new EvalPrediction(text, label, recognition.TopLabel, recognition.TopConfidence, recognition.Decision));
            }
        }

        return Evaluator.Summarise(predictions);
    }
}
