using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Benchmarks;

/// <summary>
/// The alternative technique measured against <see cref="RecognizerIndex"/>: multinomial naive Bayes over the same
/// normalised unigrams and bigrams, one class per label (FAQ slug, intent, "none"). Kept here for the comparison only.
/// </summary>
public sealed class NaiveBayesRecognizer : IRecognizer
{
    private const double Smoothing = 0.1;
    private readonly TextNormalizer _normalizer;
    private readonly string[] _labels;
    private readonly Dictionary<string, double[]> _logLikelihood = new(StringComparer.Ordinal);
    private readonly double[] _unseen;

    public NaiveBayesRecognizer(IEnumerable<FaqEntry> faq, IntentContent intents, AbbreviationDictionary abbreviations)
    {
        _normalizer = new TextNormalizer(abbreviations);
        var data = faq.Where(e => e.Published).Select(e => (e.Slug, Texts: e.Phrasings.Prepend(e.Question)))
            .Concat(intents.Intents.Select(i => (Slug: i.Name, Texts: (IEnumerable<string>)i.Phrasings)))
            .Append((Slug: Recognition.None, Texts: intents.OutOfScope))
            .ToList();
        _labels = data.Select(d => d.Slug).ToArray();
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var totals = new double[_labels.Length];
        for (var c = 0; c < data.Count; c++)
        {
            foreach (var text in data[c].Texts)
            {
                foreach (var f in Features(text).Distinct())
                {
                    if (!counts.TryGetValue(f, out var row))
                    {
                        counts[f] = row = new double[_labels.Length];
                    }

                    row[c]++;
                    totals[c]++;
                }
            }
        }

        var vocabulary = counts.Count;
        _unseen = totals.Select(t => Math.Log(Smoothing / (t + Smoothing * vocabulary))).ToArray();
        foreach (var (f, row) in counts)
        {
            _logLikelihood[f] = row.Select((n, c) => Math.Log((n + Smoothing) / (totals[c] + Smoothing * vocabulary))).ToArray();
        }
    }

    public Recognition Recognize(string message)
    {
        var features = Features(message).Where(_logLikelihood.ContainsKey).ToList();
        if (features.Count == 0)
        {
            return new Recognition(RecognitionDecision.None, []);
        }

        var scores = new double[_labels.Length];
        foreach (var f in features)
        {
            var row = _logLikelihood[f];
            for (var c = 0; c < scores.Length; c++)
            {
                scores[c] += row[c] - _unseen[c];
            }
        }

        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = exp.Sum();
        var ranked = Enumerable.Range(0, _labels.Length).OrderByDescending(c => exp[c]).ToList();
        var candidates = ranked.Where(c => _labels[c] != Recognition.None).Take(3)
            .Select(c => new RecognitionCandidate(_labels[c], exp[c] / sum)).ToList();
        var decision = _labels[ranked[0]] == Recognition.None ? RecognitionDecision.None
            : candidates[0].Confidence >= 0.5 ? RecognitionDecision.Answer : RecognitionDecision.Clarify;
        return new Recognition(decision, candidates);
    }

    private IEnumerable<string> Features(string text)
    {
        var tokens = _normalizer.Normalize(text).Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = RecognizerIndex.CanonicalWord(tokens[i].Folded);
            yield return word;
            if (i > 0 && tokens[i - 1].Sentence == tokens[i].Sentence)
            {
                yield return RecognizerIndex.CanonicalWord(tokens[i - 1].Folded) + " " + word;
            }
        }
    }
}
