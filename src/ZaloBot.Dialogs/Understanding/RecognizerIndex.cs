using System.Buffers;
using System.Collections.Frozen;
using ZaloBot.Dialogs.Faq;

namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// The recognizer: nearest-exemplar search by TF-IDF cosine similarity over folded syllable unigrams and bigrams
/// (optionally character trigrams), with typo correction against the known vocabulary. Exemplars are every FAQ
/// question and phrasing, every intent phrasing and the out-of-scope examples (label "none"). A label scores as its
/// best exemplar; the best score and its margin over the runner-up become a confidence, and the thresholds of
/// <see cref="RecognizerOptions"/> turn that into Answer / Clarify / None.
/// Immutable and thread-safe once built; rebuild with <see cref="Build"/> and swap the reference when content changes.
/// </summary>
public sealed class RecognizerIndex : IRecognizer
{
    private const int MinTypoLength = 3;

    private readonly TextNormalizer _normalizer;
    private readonly RecognizerOptions _options;
    private readonly FrozenDictionary<string, int> _featureIds;
    private readonly float[] _idf;
    private readonly int[][] _postingExemplars;
    private readonly float[][] _postingWeights;
    private readonly int[] _exemplarLabels;
    private readonly string[] _labels;
    private readonly int _noneLabel;
    private readonly FrozenDictionary<string, string> _typoIndex;
    private readonly FrozenSet<string> _vocabulary;

    private RecognizerIndex(
        TextNormalizer normalizer,
        RecognizerOptions options,
        FrozenDictionary<string, int> featureIds,
        float[] idf,
        int[][] postingExemplars,
        float[][] postingWeights,
        int[] exemplarLabels,
        string[] labels,
        FrozenDictionary<string, string> typoIndex,
        FrozenSet<string> vocabulary)
    {
        _normalizer = normalizer;
        _options = options;
        _featureIds = featureIds;
        _idf = idf;
        _postingExemplars = postingExemplars;
        _postingWeights = postingWeights;
        _exemplarLabels = exemplarLabels;
        _labels = labels;
        _noneLabel = Array.IndexOf(labels, Recognition.None);
        _typoIndex = typoIndex;
        _vocabulary = vocabulary;
    }

    /// <summary>Labels the index can return (published FAQ slugs, intents), in build order, without "none".</summary>
    public IReadOnlyList<string> Labels => _labels.Where(l => l != Recognition.None).ToList();

    public int ExemplarCount => _exemplarLabels.Length;

    /// <summary>
    /// Builds an index from content records: published FAQ entries (question + phrasings), intents and
    /// out-of-scope exemplars. 2,000 entries build in well under a second (see docs/understanding.md).
    /// </summary>
    public static RecognizerIndex Build(
        IEnumerable<FaqEntry> faqEntries,
        IntentContent intents,
        AbbreviationDictionary abbreviations,
        RecognizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(faqEntries);
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(abbreviations);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var normalizer = new TextNormalizer(abbreviations);
        var labels = new List<string>();
        var exemplarTexts = new List<(string Text, int Label)>();

        void AddLabel(string label, IEnumerable<string> texts)
        {
            var id = labels.IndexOf(label);
            if (id < 0)
            {
                id = labels.Count;
                labels.Add(label);
            }

            foreach (var text in texts)
            {
                exemplarTexts.Add((text, id));
            }
        }

        foreach (var entry in faqEntries.Where(e => e.Published))
        {
            AddLabel(entry.Slug, entry.Phrasings.Prepend(entry.Question));
        }

        foreach (var intent in intents.Intents)
        {
            AddLabel(intent.Name, intent.Phrasings);
        }

        AddLabel(Recognition.None, intents.OutOfScope);

        var featureIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentFrequency = new List<int>();
        var exemplarVectors = new List<KeyValuePair<int, float>[]>(exemplarTexts.Count);
        var exemplarLabels = new List<int>(exemplarTexts.Count);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var features = new Dictionary<string, float>(StringComparer.Ordinal);

        foreach (var (text, label) in exemplarTexts)
        {
            var message = normalizer.Normalize(text);
            var words = message.Tokens.Select(t => CanonicalWord(t.Folded)).ToArray();
            features.Clear();
            ExtractFeatures(message.Tokens, words, _ => 1f, options, features);
            if (features.Count == 0)
            {
                continue;
            }

            foreach (var word in words.Distinct())
            {
                vocabulary[word] = vocabulary.GetValueOrDefault(word) + 1;
            }

            var vector = new KeyValuePair<int, float>[features.Count];
            var i = 0;
            foreach (var (feature, weight) in features)
            {
                if (!featureIds.TryGetValue(feature, out var id))
                {
                    id = featureIds.Count;
                    featureIds.Add(feature, id);
                    documentFrequency.Add(0);
                }

                documentFrequency[id]++;
                vector[i++] = new(id, Sublinear(weight));
            }

            exemplarVectors.Add(vector);
            exemplarLabels.Add(label);
        }

        var n = exemplarVectors.Count;
        var idf = new float[featureIds.Count];
        for (var f = 0; f < idf.Length; f++)
        {
            idf[f] = (float)Math.Log(1.0 + (double)n / documentFrequency[f]);
        }

        var postingLists = new List<(int Exemplar, float Weight)>[featureIds.Count];
        for (var f = 0; f < postingLists.Length; f++)
        {
            postingLists[f] = new List<(int, float)>(documentFrequency[f]);
        }

        for (var e = 0; e < n; e++)
        {
            var vector = exemplarVectors[e];
            double norm = 0;
            foreach (var (f, v) in vector)
            {
                var w = v * idf[f];
                norm += w * w;
            }

            var inverse = (float)(1.0 / Math.Sqrt(norm));
            foreach (var (f, v) in vector)
            {
                postingLists[f].Add((e, v * idf[f] * inverse));
            }
        }

        return new RecognizerIndex(
            normalizer,
            options,
            featureIds.ToFrozenDictionary(StringComparer.Ordinal),
            idf,
            postingLists.Select(p => p.Select(x => x.Exemplar).ToArray()).ToArray(),
            postingLists.Select(p => p.Select(x => x.Weight).ToArray()).ToArray(),
            [.. exemplarLabels],
            [.. labels],
            BuildTypoIndex(vocabulary),
            vocabulary.Keys.ToFrozenSet(StringComparer.Ordinal));
    }

    public Recognition Recognize(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var normalized = _normalizer.Normalize(message);
        return Recognize(normalized);
    }

    /// <summary>Recognises an already normalised message (the dialog engine may need the codes and phones too).</summary>
    public Recognition Recognize(NormalizedMessage normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var labelScores = ScoreLabels(normalized);
        if (labelScores is null)
        {
            return new Recognition(RecognitionDecision.None, []);
        }

        // Rank labels; the runner-up for the margin may be "none".
        var order = Enumerable.Range(0, labelScores.Length)
            .Where(l => labelScores[l] > 0)
            .OrderByDescending(l => labelScores[l])
            .ThenBy(l => l)
            .ToArray();
        if (order.Length == 0)
        {
            return new Recognition(RecognitionDecision.None, []);
        }

        var best = labelScores[order[0]];
        var runnerUp = order.Length > 1 ? labelScores[order[1]] : 0f;
        var candidates = new List<RecognitionCandidate>(_options.MaxCandidates);
        foreach (var label in order)
        {
            if (label == _noneLabel)
            {
                continue;
            }

            var score = labelScores[label];
            var margin = label == order[0] ? score - runnerUp : score - best;
            candidates.Add(new RecognitionCandidate(_labels[label], Calibrate(score, margin)));
            if (candidates.Count == _options.MaxCandidates)
            {
                break;
            }
        }

        if (order[0] == _noneLabel || candidates.Count == 0)
        {
            return new Recognition(RecognitionDecision.None, candidates);
        }

        var confidence = candidates[0].Confidence;
        var decision = confidence >= _options.AnswerThreshold ? RecognitionDecision.Answer
            : confidence >= _options.ClarifyThreshold ? RecognitionDecision.Clarify
            : RecognitionDecision.None;
        return new Recognition(decision, candidates);
    }

    /// <summary>Best cosine similarity per label (index = label id), or null when the message has no known feature.</summary>
    internal float[]? ScoreLabels(NormalizedMessage normalized)
    {
        var tokens = normalized.Tokens;
        if (tokens.Count == 0)
        {
            return null;
        }

        var words = new string[tokens.Count];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Correct(CanonicalWord(tokens[i].Folded));
        }

        var questionSentence = normalized.QuestionSentence;
        var context = (float)_options.ContextSentenceWeight;
        var several = normalized.SentenceCount > 1;
        var features = new Dictionary<string, float>(StringComparer.Ordinal);
        ExtractFeatures(tokens, words, sentence => !several || sentence == questionSentence ? 1f : context, _options, features);

        var query = new List<(int Feature, float Weight)>(features.Count);
        double norm = 0;
        foreach (var (feature, weight) in features)
        {
            if (_featureIds.TryGetValue(feature, out var id))
            {
                var w = Sublinear(weight) * _idf[id];
                query.Add((id, w));
                norm += w * w;
            }
        }

        if (query.Count == 0)
        {
            return null;
        }

        var exemplarCount = _exemplarLabels.Length;
        var scores = ArrayPool<float>.Shared.Rent(exemplarCount);
        try
        {
            Array.Clear(scores, 0, exemplarCount);
            var inverse = (float)(1.0 / Math.Sqrt(norm));
            foreach (var (feature, weight) in query)
            {
                var q = weight * inverse;
                var exemplars = _postingExemplars[feature];
                var postingWeights = _postingWeights[feature];
                for (var p = 0; p < exemplars.Length; p++)
                {
                    scores[exemplars[p]] += q * postingWeights[p];
                }
            }

            var labelScores = new float[_labels.Length];
            for (var e = 0; e < exemplarCount; e++)
            {
                var label = _exemplarLabels[e];
                if (scores[e] > labelScores[label])
                {
                    labelScores[label] = scores[e];
                }
            }

            return labelScores;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    internal string LabelName(int label) => _labels[label];

    private double Calibrate(float score, float margin)
    {
        // Logistic in the best similarity plus half the margin: a clear winner with a middling similarity is
        // as trustworthy as a high similarity shared with a close runner-up.
        var x = score + 0.5 * margin;
        return Math.Round(1.0 / (1.0 + Math.Exp(-_options.CalibrationSlope * (x - _options.CalibrationCentre))), 4);
    }

    private string Correct(string word)
    {
        if (!_options.CorrectTypos || word.Length < MinTypoLength || _vocabulary.Contains(word) || word[0] == '#' || char.IsAsciiDigit(word[0]))
        {
            return word;
        }

        if (_typoIndex.TryGetValue(word, out var known))
        {
            return known;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if (_typoIndex.TryGetValue(string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1)), out known))
            {
                return known;
            }
        }

        return word;
    }

    /// <summary>Deletion neighbourhood (SymSpell): each known word and its one-letter deletions → the most frequent word.</summary>
    private static FrozenDictionary<string, string> BuildTypoIndex(Dictionary<string, int> vocabulary)
    {
        var best = new Dictionary<string, (string Word, int Frequency)>(StringComparer.Ordinal);

        void Offer(string key, string word, int frequency)
        {
            if (!best.TryGetValue(key, out var current) || frequency > current.Frequency
                || (frequency == current.Frequency && string.CompareOrdinal(word, current.Word) < 0))
            {
                best[key] = (word, frequency);
            }
        }

        foreach (var (word, frequency) in vocabulary)
        {
            if (word.Length < MinTypoLength || word[0] == '#' || char.IsAsciiDigit(word[0]))
            {
                continue;
            }

            for (var i = 0; i < word.Length; i++)
            {
                Offer(string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1)), word, frequency);
            }
        }

        // Exact words win over deletions of longer words.
        foreach (var (word, frequency) in vocabulary)
        {
            best[word] = (word, int.MaxValue);
        }

        return best.ToFrozenDictionary(p => p.Key, p => p.Value.Word, StringComparer.Ordinal);
    }

    private static float Sublinear(float weight) => weight > 1f ? 1f + MathF.Log(weight) : weight;

    /// <summary>
    /// Folded word with the i/y spelling variants merged ("ký"/"kí", "lý"/"lí"): a final y after consonants only
    /// is written either way.
    /// </summary>
    internal static string CanonicalWord(string folded)
    {
        if (folded.Length >= 2 && folded[^1] == 'y')
        {
            var consonantsOnly = true;
            for (var i = 0; i < folded.Length - 1; i++)
            {
                if (folded[i] is 'a' or 'e' or 'i' or 'o' or 'y' or 'u' && !(i == 1 && folded[0] == 'q'))
                {
                    consonantsOnly = false;
                    break;
                }
            }

            if (consonantsOnly)
            {
                return string.Concat(folded.AsSpan(0, folded.Length - 1), "i");
            }
        }

        return folded;
    }

    private static void ExtractFeatures(
        IReadOnlyList<MessageToken> tokens,
        string[] words,
        Func<int, float> sentenceWeight,
        RecognizerOptions options,
        Dictionary<string, float> features)
    {
        var bigram = (float)options.BigramWeight;
        var trigram = (float)options.CharTrigramWeight;
        for (var i = 0; i < tokens.Count; i++)
        {
            var weight = sentenceWeight(tokens[i].Sentence);
            Add(features, words[i], weight);
            if (bigram > 0 && i > 0 && tokens[i - 1].Sentence == tokens[i].Sentence)
            {
                Add(features, string.Concat(words[i - 1], " ", words[i]), bigram * weight);
            }

            if (trigram > 0 && words[i].Length >= 2 && words[i][0] != '#')
            {
                var padded = string.Concat("<", words[i], ">");
                for (var k = 0; k + 3 <= padded.Length; k++)
                {
                    Add(features, string.Concat("\u0001", padded.AsSpan(k, 3)), trigram * weight);
                }
            }
        }

        static void Add(Dictionary<string, float> features, string feature, float weight)
        {
            features[feature] = features.GetValueOrDefault(feature) + weight;
        }
    }
}
