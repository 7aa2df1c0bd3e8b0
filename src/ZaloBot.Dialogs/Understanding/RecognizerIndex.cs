using System.Buffers;
using System.Collections.Frozen;
using ZaloBot.Dialogs.Faq;

namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// The recognizer. Every FAQ question and phrasing, every intent phrasing and every out-of-scope example (label
/// "none") is an exemplar, represented as a TF-IDF vector over folded syllable unigrams, bigrams and character
/// trigrams (hashed to 64 bits; the most common features are dropped as stop-features). A message is normalised
/// the same way, unknown words are corrected to known words at edit distance 1, and words outside the question
/// sentence weigh less. A label scores a blend of the cosine similarity of its closest exemplar and of its
/// centroid; the best score and its margin over the runner-up become a confidence, and the thresholds of
/// <see cref="RecognizerOptions"/> turn that into Answer / Clarify / None ("none" winning also means None).
/// Immutable and thread-safe; build a new one with <see cref="Build"/> and swap the reference when content changes.
/// </summary>
public sealed class RecognizerIndex : IRecognizer
{
    private readonly TextNormalizer _normalizer;
    private readonly RecognizerOptions _options;
    private readonly FrozenDictionary<ulong, int> _featureIds;
    private readonly float[] _idf;
    private readonly Postings _exemplarPostings;
    private readonly Postings _centroidPostings;
    private readonly int[] _exemplarLabels;
    private readonly string[] _labels;
    private readonly int _noneLabel;
    private readonly TypoCorrector _typos;
    private readonly FrozenSet<string> _stopwords;
    private readonly CompiledConcepts? _concepts;
    private readonly FrozenDictionary<string, ReferralEntry> _referrals;
    private readonly int[]? _cueLabels;

    /// <summary>Per label, whether some <c>label.SLUG</c> cue names it (an entry about an operation, not a document).</summary>
    private readonly bool[]? _cueEntries;
    private readonly int _cancelLabel;
    private readonly int _feedbackLabel;
    private readonly int _statusLabel;
    private readonly int _conductConcept;

    /// <summary>Concepts named "label.SLUG" are cues for that label (<see cref="RecognizerOptions.CueWeight"/>).</summary>
    private const string CuePrefix = "label.";

    /// <summary>Problems of the office's own conduct (staff, demands, queues): a report even beside another agency's word.</summary>
    private const string ConductConcept = "problem.conduct";
    private readonly int[] _labelGroups;
    private readonly int _groupCount;
    private LinearModel? _gate;

    /// <summary>Per concept, the FAQ entry that owns it (<see cref="RecognizerOptions.ConceptOwnerShare"/>), or -1.</summary>
    private int[]? _conceptOwners;

    /// <summary>
    /// Per label, whether its exemplars name the documents of at least <see cref="RecognizerOptions.OperationMinDocuments"/>
    /// other entries (an operation applied to documents: tracking, paying, an extract), learned from the content.
    /// </summary>
    private bool[]? _operationEntries;
    private LinearModel? _labelModel;

    private RecognizerIndex(
        TextNormalizer normalizer,
        RecognizerOptions options,
        FrozenDictionary<ulong, int> featureIds,
        float[] idf,
        Postings exemplarPostings,
        Postings centroidPostings,
        int[] exemplarLabels,
        string[] labels,
        TypoCorrector typos,
        FrozenSet<string> stopwords,
        CompiledConcepts? concepts,
        FrozenDictionary<string, ReferralEntry> referrals)
    {
        _normalizer = normalizer;
        _options = options;
        _featureIds = featureIds;
        _idf = idf;
        _exemplarPostings = exemplarPostings;
        _centroidPostings = centroidPostings;
        _exemplarLabels = exemplarLabels;
        _labels = labels;
        _noneLabel = Array.IndexOf(labels, Recognition.None);
        _cancelLabel = Array.IndexOf(labels, "intent:cancel");
        _feedbackLabel = Array.IndexOf(labels, "intent:feedback");
        _statusLabel = Array.IndexOf(labels, "intent:status");
        _typos = typos;
        _stopwords = stopwords;
        _concepts = concepts;
        _referrals = referrals;
        _conductConcept = concepts is null ? -1 : concepts.Names.ToList().IndexOf(ConductConcept);
        if (concepts is not null && concepts.Names.Any(n => n.StartsWith(CuePrefix, StringComparison.Ordinal)))
        {
            _cueLabels = concepts.Names.Select(n => n.StartsWith(CuePrefix, StringComparison.Ordinal) ? Array.IndexOf(labels, n[CuePrefix.Length..]) : -1).ToArray();
            _cueEntries = new bool[labels.Length];
            foreach (var label in _cueLabels.Where(l => l >= 0))
            {
                _cueEntries[label] = true;
            }
        }

        // Groups of the learned gate: one per intent, one for "none", one for all FAQ slugs together. The gate
        // decides what kind of message it is; the nearest exemplars decide which FAQ entry.
        _labelGroups = GroupsOf(labels, out _groupCount);
    }

    private static int[] GroupsOf(IReadOnlyList<string> labels, out int groupCount)
    {
        var labelGroups = new int[labels.Count];
        var groups = new Dictionary<string, int>(StringComparer.Ordinal) { [FaqGroup] = 0 };
        for (var l = 0; l < labels.Count; l++)
        {
            var group = labels[l] == Recognition.None || labels[l].StartsWith(IntentContent.IntentPrefix, StringComparison.Ordinal) ? labels[l] : FaqGroup;
            if (!groups.TryGetValue(group, out var id))
            {
                groups[group] = id = groups.Count;
            }

            labelGroups[l] = id;
        }

        groupCount = groups.Count;
        return labelGroups;
    }

    private const string FaqGroup = "faq";

    /// <summary>Labels the index can return (published FAQ slugs, intents), in build order, without "none".</summary>
    public IReadOnlyList<string> Labels => _labels.Where(l => l != Recognition.None).ToList();

    public int ExemplarCount => _exemplarLabels.Length;

    public int FeatureCount => _idf.Length;

    /// <summary>The normaliser this index uses (the dialog engine may want the ticket codes and phones it extracts).</summary>
    public TextNormalizer Normalizer => _normalizer;

    /// <summary>
    /// Builds an index from content records: published FAQ entries (question + phrasings), intents, out-of-scope
    /// exemplars and stopwords. Exemplar features are extracted in parallel and merged in order; the rebuild time of a
    /// 2,000-entry index is in docs/understanding.md (session 5: 0.76 of session 4's CPU, 0.80 of its wall time, same index).
    /// </summary>
    public static RecognizerIndex Build(
        IEnumerable<FaqEntry> faqEntries,
        IntentContent intents,
        AbbreviationDictionary abbreviations,
        RecognizerOptions options,
        ConceptThesaurus? concepts = null,
        IReadOnlyList<ReferralEntry>? referrals = null)
    {
        ArgumentNullException.ThrowIfNull(faqEntries);
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(abbreviations);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var normalizer = new TextNormalizer(abbreviations);
        referrals ??= [];
        var thesaurus = (concepts ?? ConceptThesaurus.Empty).With(referrals.Select(r => (r.Concept, (IEnumerable<string>)r.Keywords)));
        var compiled = thesaurus.Entries.Count == 0 ? null : thesaurus.Compile(normalizer, CanonicalWord);
        var stopwords = intents.Stopwords
            .SelectMany(w => normalizer.Normalize(w).Tokens)
            .Select(t => CanonicalWord(t.Folded))
            .ToFrozenSet(StringComparer.Ordinal);

        var labels = new List<string>();
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var exemplarTexts = new List<(string Text, int Label)>();
        void AddLabel(string label, IEnumerable<string> texts)
        {
            if (!labelIds.TryGetValue(label, out var id))
            {
                id = labels.Count;
                labels.Add(label);
                labelIds.Add(label, id);
            }

            exemplarTexts.AddRange(texts.Select(t => (t, id)));
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

        // Pass 1: features of every exemplar, with provisional ids and document frequencies.
        // About two distinct features per exemplar on the shipped content and the 2,000-entry bench (120,000 kept of
        // about 135,000 for 60,000 exemplars): pre-sized so the merge does not rehash as it grows.
        var provisionalIds = new Dictionary<ulong, int>(exemplarTexts.Count * 2);
        var documentFrequency = new List<int>(exemplarTexts.Count * 2);
        var exemplarLabels = new List<int>(exemplarTexts.Count);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        // Normalising and extracting the features of an exemplar is independent of the others and is most of the
        // work of a rebuild: done in parallel, then merged in exemplar order (ids and frequencies come out the same
        // as sequentially, so the index does not depend on the number of cores).
        // Per exemplar only its feature keys and values are kept until the merge; the word counts of the typo
        // corrector are summed per thread (fewer objects that outlive a collection: a 2,000-entry rebuild
        // allocates for 60,000 exemplars).
        // Keys and values go into one growing slab per thread rather than two arrays per exemplar: the 240,000 small
        // arrays of a 2,000-entry rebuild all outlived a gen-0 collection and were copied by the GC.
        var extracted = new (FeatureSlab Slab, int Offset, int Count)[exemplarTexts.Count];
        var vocabularyLock = new object();
        Parallel.For(
            0,
            exemplarTexts.Count,
            () => (Features: new Dictionary<ulong, float>(), Words: new Dictionary<string, int>(StringComparer.Ordinal), Tokens: new TokenCache(), Slab: new FeatureSlab()),
            (e, state, local) =>
            {
                var tokens = normalizer.Normalize(exemplarTexts[e].Text, local.Tokens).Tokens;
                var words = new string[tokens.Count];
                for (var i = 0; i < words.Length; i++)
                {
                    words[i] = CanonicalWord(tokens[i].Folded);
                    ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(local.Words, words[i], out _);
                    count++;
                }

                var features = local.Features;
                features.Clear();
                ExtractFeatures(tokens, words, _ => 1f, stopwords, options, compiled, features);
                extracted[e] = (local.Slab, local.Slab.Append(features), features.Count);
                return local;
            },
            local =>
            {
                lock (vocabularyLock)
                {
                    foreach (var (word, count) in local.Words)
                    {
                        vocabulary[word] = vocabulary.GetValueOrDefault(word) + count;
                    }
                }
            });
        // The gate's training texts (drawn and augmented from one seeded generator, then normalised) need none of
        // the index: they are prepared on another core while this thread merges the features (sequential, about a
        // sixth of a 2,000-entry rebuild), and only vectorised once the index exists.
        var gateTexts = options.GateWeight > 0
            ? Task.Run(() => GateTexts(exemplarTexts, GroupsOf(labels, out _), options, normalizer, concepts?.StoryOpeners ?? []))
            : null;
        // Exemplar vectors in one CSR slab (exemplar e: slots vectorStart[e] .. + vectorLength[e]), empty ones left out.
        var vectorStart = new List<int>(exemplarTexts.Count);
        var vectorLength = new List<int>(exemplarTexts.Count);
        var total = 0;
        foreach (var (_, _, count) in extracted)
        {
            total += count;
        }

        var slabIds = new int[total];
        var slabValues = new float[total];
        var filled = 0;
        // Which FAQ entry owns which topic (the document or procedure its exemplars are about): counted from the
        // concept features of the exemplars, only when the option reads it.
        Dictionary<ulong, int>? topicFeatures = null;
        Dictionary<(int Concept, int Label), int>? topicCounts = null;
        var labelSizes = new int[labels.Count];
        if (compiled is not null && options.OperationDocumentFactor < 1)
        {
            topicFeatures = [];
            topicCounts = [];
            for (var c = 0; c < compiled.Names.Count; c++)
            {
                if (compiled.KindOf(c) == ConceptKind.Topic)
                {
                    topicFeatures.TryAdd(compiled.FeatureOf(c), c);
                }
            }
        }
        for (var e = 0; e < extracted.Length; e++)
        {
            var (slab, offset, count) = extracted[e];
            extracted[e] = default;
            var label = exemplarTexts[e].Label;
            if (count == 0)
            {
                continue;
            }

            labelSizes[label]++;
            for (var k = 0; k < count; k++)
            {
                if (topicFeatures is not null && topicFeatures.TryGetValue(slab.Keys[offset + k], out var topic))
                {
                    ref var hits = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(topicCounts!, (topic, label), out _);
                    hits++;
                }

                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(provisionalIds, slab.Keys[offset + k], out var exists);
                if (!exists)
                {
                    slot = documentFrequency.Count;
                    documentFrequency.Add(0);
                }

                var id = slot;
                documentFrequency[id]++;
                slabIds[filled + k] = id;
                slabValues[filled + k] = slab.Values[offset + k];
            }

            vectorStart.Add(filled);
            vectorLength.Add(count);
            filled += count;
            exemplarLabels.Add(label);
        }

        // Features in more than MaxFeatureDocumentRatio of the exemplars (or more than MaxPostingsPerFeature of
        // them) carry little information but make the posting lists long: they are dropped from the space.
        var n = vectorStart.Count;
        var maxDf = Math.Max(2, Math.Min(options.MaxPostingsPerFeature, (int)(options.MaxFeatureDocumentRatio * n)));
        var finalIds = new int[documentFrequency.Count];
        var idfList = new List<float>(documentFrequency.Count);
        for (var p = 0; p < finalIds.Length; p++)
        {
            var df = documentFrequency[p];
            finalIds[p] = df <= maxDf ? idfList.Count : -1;
            if (df <= maxDf)
            {
                idfList.Add((float)Math.Log(1.0 + ((double)n / df)));
            }
        }

        var idf = idfList.ToArray();
        var featureIds = new Dictionary<ulong, int>(idf.Length);
        foreach (var (key, provisional) in provisionalIds)
        {
            if (finalIds[provisional] >= 0)
            {
                featureIds.Add(key, finalIds[provisional]);
            }
        }

        // Pass 2: unit exemplar vectors and label centroids. Exemplars of a label are contiguous, so one dense
        // scratch array sums a centroid at a time.
        var centroids = new (int[] Ids, float[] Weights)[labels.Count];
        var centroidScratch = new float[idf.Length];
        var touched = new List<int>();
        var currentLabel = -1;
        void FlushCentroid()
        {
            if (currentLabel < 0)
            {
                return;
            }

            double norm = 0;
            foreach (var id in touched)
            {
                norm += (double)centroidScratch[id] * centroidScratch[id];
            }

            var scale = norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;
            var ids = touched.ToArray();
            var weights = new float[ids.Length];
            for (var k = 0; k < ids.Length; k++)
            {
                weights[k] = centroidScratch[ids[k]] * scale;
                centroidScratch[ids[k]] = 0;
            }

            centroids[currentLabel] = (ids, weights);
            touched.Clear();
        }

        // The unit vector of an exemplar depends on it alone: computed in parallel, in place in the slab (dropped
        // features are squeezed out of the exemplar's slots), then the centroids are summed in exemplar order as
        // before, so every weight and every centroid is the same.
        var lengths = new int[n];
        Parallel.For(0, n, e =>
        {
            var start = vectorStart[e];
            var kept = 0;
            double norm = 0;
            for (var k = 0; k < vectorLength[e]; k++)
            {
                var id = finalIds[slabIds[start + k]];
                if (id >= 0)
                {
                    var w = Sublinear(slabValues[start + k]) * idf[id];
                    slabIds[start + kept] = id;
                    slabValues[start + kept++] = w;
                    norm += w * w;
                }
            }

            var inverse = norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;
            for (var k = 0; k < kept; k++)
            {
                slabValues[start + k] *= inverse;
            }

            lengths[e] = kept;
        });
        for (var e = 0; e < n; e++)
        {
            if (exemplarLabels[e] != currentLabel)
            {
                FlushCentroid();
                currentLabel = exemplarLabels[e];
            }

            var end = vectorStart[e] + lengths[e];
            for (var p = vectorStart[e]; p < end; p++)
            {
                if (centroidScratch[slabIds[p]] == 0)
                {
                    touched.Add(slabIds[p]);
                }

                centroidScratch[slabIds[p]] += slabValues[p];
            }
        }

        FlushCentroid();
        for (var l = 0; l < centroids.Length; l++)
        {
            centroids[l].Ids ??= [];
            centroids[l].Weights ??= [];
        }

        var exemplarPostings = Postings.Create(idf.Length, slabIds, slabValues, [.. vectorStart], lengths);
        if (compiled is not null)
        {
            foreach (var word in compiled.Words)
            {
                vocabulary.TryAdd(word, 1);
            }
        }

        var index = new RecognizerIndex(
            normalizer,
            options,
            featureIds.ToFrozenDictionary(),
            idf,
            exemplarPostings,
            Postings.Create(idf.Length, centroids),
            [.. exemplarLabels],
            [.. labels],
            TypoCorrector.Create(vocabulary),
            stopwords,
            compiled,
            referrals.ToFrozenDictionary(r => r.Concept, StringComparer.Ordinal));
        if (topicCounts is not null)
        {
            index._conceptOwners = ConceptOwners(compiled!.Names.Count, topicCounts, labelSizes, index._labelGroups, options.ConceptOwnerShare);
            index._operationEntries = OperationEntries(topicCounts, index._conceptOwners, labels.Count, index._cueEntries, options);
        }

        if (gateTexts is not null)
        {
            index.TrainGate(gateTexts.GetAwaiter().GetResult());
        }

        return index;
    }

    /// <summary>
    /// Per concept, the FAQ entry (group 0) that names it in the largest share of its exemplars, when that share is at
    /// least <paramref name="minShare"/>; else -1.
    /// </summary>
    private static int[] ConceptOwners(int conceptCount, Dictionary<(int Concept, int Label), int> counts, int[] labelSizes, int[] labelGroups, double minShare)
    {
        var owners = new int[conceptCount];
        var best = new double[conceptCount];
        Array.Fill(owners, -1);
        foreach (var ((concept, label), hits) in counts)
        {
            if (labelGroups[label] != 0 || labelSizes[label] == 0)
            {
                continue;
            }

            var share = (double)hits / labelSizes[label];
            if (share >= minShare && (share > best[concept] || (share == best[concept] && label < owners[concept])))
            {
                (best[concept], owners[concept]) = (share, label);
            }
        }

        return owners;
    }

    /// <summary>
    /// Labels whose exemplars name topics owned by at least <see cref="RecognizerOptions.OperationMinDocuments"/> other
    /// FAQ entries (the documents an operation is applied to; entries with cues of their own do not count as documents
    /// when <see cref="RecognizerOptions.OperationSparesCueEntries"/>).
    /// </summary>
    private static bool[] OperationEntries(Dictionary<(int Concept, int Label), int> counts, int[] owners, int labelCount, bool[]? cueEntries, RecognizerOptions options)
    {
        var documents = new HashSet<int>[labelCount];
        foreach (var ((concept, label), _) in counts)
        {
            var owner = owners[concept];
            if (owner >= 0 && owner != label && !(options.OperationSparesCueEntries && cueEntries is not null && cueEntries[owner]))
            {
                (documents[label] ??= []).Add(owner);
            }
        }

        var operations = new bool[labelCount];
        for (var l = 0; l < labelCount; l++)
        {
            operations[l] = (documents[l]?.Count ?? 0) >= options.OperationMinDocuments;
        }

        return operations;
    }

    /// <summary>
    /// The gate's training texts: the exemplars and variants of them typed the way citizens type: a story opener in
    /// front, a word left out, a letter dropped (no diacritics and shorthand need no variants: the features are
    /// folded and shorthand is expanded before features are taken). At most <see cref="GateTrainingCap"/> exemplars
    /// (FAQ ones subsampled first) keep the rebuild of a 2,000-entry index under a second. Normalised, with the
    /// gate class of each.
    /// </summary>
    private static (NormalizedMessage Text, int Label)[] GateTexts(
        List<(string Text, int Label)> exemplars, int[] labelGroups, RecognizerOptions options, TextNormalizer normalizer, IReadOnlyList<string> storyOpeners)
    {
        var random = new Random(20261201);
        var faqCount = exemplars.Count(e => labelGroups[e.Label] == 0);
        var faqKeep = Math.Min(1.0, Math.Max(0, GateTrainingCap - (exemplars.Count - faqCount)) / (double)Math.Max(1, faqCount));
        var texts = new List<(NormalizedMessage Text, int Label)>();
        var cache = new TokenCache();
        void Add(string text, int label) => texts.Add((normalizer.Normalize(text, cache), label));

        foreach (var (text, label) in exemplars)
        {
            var group = labelGroups[label];
            if (group == 0 && random.NextDouble() >= faqKeep)
            {
                continue;
            }

            Add(text, label);
            for (var a = 0; a < options.GateAugmentations; a++)
            {
                Add(Augment(text, storyOpeners, random), label);
            }
        }

        return [.. texts];
    }

    /// <summary>
    /// Trains the gate (classes: groups) and, when enabled, the label model (classes: labels) on the normalised
    /// texts of <see cref="GateTexts"/> over this index's features.
    /// </summary>
    private void TrainGate((NormalizedMessage Text, int Label)[] texts)
    {
        // Vectorising the texts is independent and runs in parallel, in place, so the training set is the same on
        // any number of cores.
        var vectors = new (int[] Ids, float[] Values, int Class)[texts.Length];
        Parallel.For(0, texts.Length, i =>
        {
            var (ids, values, _, _) = Vectorize(texts[i].Text);
            vectors[i] = (ids.ToArray(), values.ToArray(), texts[i].Label);
        });
        var byLabel = vectors.Where(v => v.Ids.Length > 0).ToList();
        var byGroup = byLabel.Select(v => (v.Ids, v.Values, _labelGroups[v.Class])).ToList();
        // The two models are independent (own seeds): the label model trains on another core meanwhile.
        var labelModel = _options.LabelModelWeight > 0 && _labels.Length <= _options.LabelModelMaxLabels
            ? Task.Run(() => LinearModel.Train(byLabel, _labels.Length, _idf.Length, _options.GateEpochs, _options.GateLearningRate, _options.GateL2, seed: 11))
            : null;
        _gate = LinearModel.Train(byGroup, _groupCount, _idf.Length, _options.GateEpochs, _options.GateLearningRate, _options.GateL2, seed: 7);
        _labelModel = labelModel?.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Exemplars the gate trains on at most (before augmentation). The shipped content has about 1,250, all used; a
    /// 2,000-entry index has 52,000, and training on 4,000 of them took 550 ms CPU, on 1,500 about 200 ms.
    /// </summary>
    private const int GateTrainingCap = 1500;

    private static string Augment(string text, IReadOnlyList<string> storyOpeners, Random random)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var kind = random.Next(3);
        if (kind == 0 && storyOpeners.Count > 0)
        {
            return storyOpeners[random.Next(storyOpeners.Count)] + " " + text;
        }

        if (kind == 1 && words.Count >= 4)
        {
            words.RemoveAt(random.Next(words.Count));
            return string.Join(' ', words);
        }

        var longWords = Enumerable.Range(0, words.Count).Where(i => words[i].Length >= 4 && words[i].All(char.IsLetter)).ToList();
        if (longWords.Count > 0)
        {
            var w = longWords[random.Next(longWords.Count)];
            words[w] = words[w].Remove(1 + random.Next(words[w].Length - 1), 1);
        }

        return string.Join(' ', words);
    }

    public Recognition Recognize(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Recognize(_normalizer.Normalize(message));
    }

    /// <summary>Recognises an already normalised message.</summary>
    public Recognition Recognize(NormalizedMessage normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var labelScores = ScoreLabels(normalized, out var exemplarTop, out var evidence);
        if (labelScores is null)
        {
            return new Recognition(RecognitionDecision.None, []) { Referral = FindReferral(normalized) };
        }

        // The best MaxCandidates + 1 labels (one may be "none"), best first; the runner-up gives the margin.
        var order = TopLabels(labelScores, _options.MaxCandidates + 1);
        if (order.Count == 0)
        {
            return new Recognition(RecognitionDecision.None, []);
        }

        var best = labelScores[order[0]];
        var runnerUp = order.Count > 1 ? labelScores[order[1]] : 0f;
        var candidates = new List<RecognitionCandidate>(_options.MaxCandidates);
        foreach (var label in order)
        {
            if (label != _noneLabel && candidates.Count < _options.MaxCandidates)
            {
                var score = labelScores[label];
                var margin = label == order[0] ? score - runnerUp : score - best;
                var calibrated = Calibrate(score, margin);
                if (label == order[0] && (label != exemplarTop || evidence.Conflicts(label)))
                {
                    // …and likewise when the message names another agency's business (a referral topic) or the
                    // operation of another entry in its question sentence (a cue): the evidence disagrees with
                    // the winner, which is then clarified rather than answered (the wrong answers at ≥ 0.8 of the
                    // 5-fold run were of these two kinds: 9 of 9 before this rule).
                    // The learned gate and the cues overruled the nearest exemplars: right more often than not
                    // (that is why they are there), but not a case for answering without asking.
                    calibrated = Math.Round(calibrated * _options.DisagreementFactor, 4);
                }

                candidates.Add(new RecognitionCandidate(_labels[label], calibrated));
            }
        }

        if (order[0] == _noneLabel || candidates.Count == 0)
        {
            return new Recognition(RecognitionDecision.None, candidates) { Referral = FindReferral(normalized) };
        }

        var confidence = candidates[0].Confidence;
        var decision = confidence >= _options.AnswerThreshold ? RecognitionDecision.Answer
            : confidence >= _options.ClarifyThreshold ? RecognitionDecision.Clarify
            : RecognitionDecision.None;
        return new Recognition(decision, candidates) { Referral = decision == RecognitionDecision.None ? FindReferral(normalized) : null };
    }

    /// <summary>The first referral topic (content/referrals.yaml) the message names, or null.</summary>
    private ReferralEntry? FindReferral(NormalizedMessage normalized)
    {
        if (_concepts is null || _referrals.Count == 0)
        {
            return null;
        }

        var words = normalized.Tokens.Select(t => CanonicalWord(t.Folded)).ToArray();
        ReferralEntry? found = null;
        _concepts.Match(words, TonesOf(normalized.Tokens, words), (concept, _) => found ??= _referrals.GetValueOrDefault(_concepts.Names[concept]));
        return found;
    }

    /// <summary>
    /// The message as a unit TF-IDF vector over the index's features (empty when no feature is known): typos
    /// corrected, words outside the question sentence weighted down, concepts and report shape added.
    /// </summary>
    private (List<int> Ids, List<float> Weights, string[] Words, bool[] InQuestion) Vectorize(NormalizedMessage normalized)
    {
        var tokens = normalized.Tokens;
        var queryIds = new List<int>();
        var queryWeights = new List<float>();
        if (tokens.Count == 0)
        {
            return (queryIds, queryWeights, [], []);
        }

        var words = new string[tokens.Count];
        for (var i = 0; i < words.Length; i++)
        {
            var word = CanonicalWord(tokens[i].Folded);
            words[i] = _options.CorrectTypos ? _typos.Correct(word) : word;
        }

        var inQuestion = QuestionTokens(normalized, words);
        var context = (float)_options.ContextSentenceWeight;
        var features = new Dictionary<ulong, float>(tokens.Count * 8);
        ExtractFeatures(tokens, words, i => inQuestion[i] ? 1f : context, _stopwords, _options, _concepts, features);

        double norm = 0;
        foreach (var (key, value) in features)
        {
            if (_featureIds.TryGetValue(key, out var id))
            {
                var w = Sublinear(value) * _idf[id];
                queryIds.Add(id);
                queryWeights.Add(w);
                norm += w * w;
            }
        }

        if (queryIds.Count > 0)
        {
            var inverse = (float)(1.0 / Math.Sqrt(norm));
            for (var i = 0; i < queryWeights.Count; i++)
            {
                queryWeights[i] *= inverse;
            }
        }

        return (queryIds, queryWeights, words, inQuestion);
    }

    /// <summary>
    /// Per token, whether it belongs to the question: the question sentence (the last one ending in '?'; without
    /// one, the last sentence with a question word, else the last sentence), and in a long sentence only from its
    /// last "cho hỏi" / "xin hỏi" / "muốn hỏi" on ("… mấy năm nay, giờ cho tôi hỏi …": stories of 60-80 words often
    /// have one sentence and no question mark).
    /// </summary>
    private bool[] QuestionTokens(NormalizedMessage normalized, string[] words)
    {
        var tokens = normalized.Tokens;
        var inQuestion = new bool[tokens.Count];
        var sentence = normalized.QuestionSentence;
        if (normalized.SentenceCount > 1 && !normalized.QuestionMarked && _concepts is not null)
        {
            var lastAsk = -1;
            _concepts.Match(words, TonesOf(tokens, words), (concept, at) =>
            {
                if (_concepts.KindOf(concept) == ConceptKind.Ask)
                {
                    lastAsk = Math.Max(lastAsk, tokens[at].Sentence);
                }
            });
            sentence = lastAsk >= 0 ? lastAsk : sentence;
        }

        var first = -1;
        var count = 0;
        var marker = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Sentence != sentence)
            {
                continue;
            }

            first = first < 0 ? i : first;
            count++;
            // "hỏi" (tone key hoi3, or unmarked) after "cho", "xin", "muốn" or a pronoun opens the question.
            if (i > first + 4 && words[i] == "hoi" && tokens[i].ToneKey is "hoi3" or "hoi" && words[i - 1] is "cho" or "xin" or "muon" or "em" or "toi" or "minh" or "chau")
            {
                marker = i - 1;
            }
        }

        var start = count >= _options.LongSentenceWords && marker > 0 ? marker : first;
        var whole = normalized.SentenceCount <= 1 && start == first;
        for (var i = 0; i < tokens.Count; i++)
        {
            inQuestion[i] = whole || (tokens[i].Sentence == sentence && i >= start);
        }

        return inQuestion;
    }

    /// <summary>Blended similarity per label (index = label id), or null when the message has no known feature.</summary>
    internal float[]? ScoreLabels(NormalizedMessage normalized) => ScoreLabels(normalized, out _, out _);

    /// <param name="normalized">The message.</param>
    /// <param name="exemplarTop">The best label by the exemplars alone, before the gate and the cues (-1 when none).</param>
    /// <param name="evidence">Cues in the question sentence and whether a referral topic is named.</param>
    private float[]? ScoreLabels(NormalizedMessage normalized, out int exemplarTop, out ConceptEvidence evidence)
    {
        exemplarTop = -1;
        evidence = default;
        var (queryIds, queryWeights, words, inQuestion) = Vectorize(normalized);
        // Character trigrams alone are no evidence: a message none of whose words the index or the thesaurus knows
        // (keyboard mashing, "qwerty", a language the content has no word of) is not about any label.
        if (queryIds.Count == 0 || (_options.RequireKnownWord && !KnowsAnyWord(words)))
        {
            return null;
        }

        var labelScores = new float[_labels.Length];
        var exemplarCount = _exemplarLabels.Length;
        var scores = ArrayPool<float>.Shared.Rent(exemplarCount);
        try
        {
            Array.Clear(scores, 0, exemplarCount);
            _exemplarPostings.Accumulate(queryIds, queryWeights, scores);
            for (var e = 0; e < exemplarCount; e++)
            {
                var label = _exemplarLabels[e];
                if (scores[e] > labelScores[label])
                {
                    labelScores[label] = scores[e];
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }

        var centroidWeight = (float)_options.CentroidWeight;
        if (centroidWeight > 0)
        {
            var centroidScores = new float[_labels.Length];
            _centroidPostings.Accumulate(queryIds, queryWeights, centroidScores);
            // "none" is a grab bag of unrelated topics: its centroid means nothing, so it keeps its nearest exemplar.
            for (var l = 0; l < labelScores.Length; l++)
            {
                if (l != _noneLabel || !_options.OutOfScopeNearestOnly)
                {
                    labelScores[l] = ((1 - centroidWeight) * labelScores[l]) + (centroidWeight * centroidScores[l]);
                }
            }
        }

        if (_noneLabel >= 0)
        {
            labelScores[_noneLabel] *= (float)_options.OutOfScopeWeight;
        }

        var topScore = 0f;
        for (var l = 0; l < labelScores.Length; l++)
        {
            if (labelScores[l] > topScore)
            {
                (topScore, exemplarTop) = (labelScores[l], l);
            }
        }

        if (_gate is not null)
        {
            // The gate's probability of the label's group, shared within the group by the exemplar scores (the
            // best FAQ slug gets all of P(faq), the others in proportion), blended with the exemplar score.
            Span<float> groups = stackalloc float[_groupCount];
            _gate.Probabilities(queryIds, queryWeights, groups);
            Span<float> groupBest = stackalloc float[_groupCount];
            for (var l = 0; l < labelScores.Length; l++)
            {
                groupBest[_labelGroups[l]] = Math.Max(groupBest[_labelGroups[l]], labelScores[l]);
            }

            var gateWeight = (float)_options.GateWeight;
            for (var l = 0; l < labelScores.Length; l++)
            {
                var g = _labelGroups[l];
                var share = groupBest[g] > 0 ? labelScores[l] / groupBest[g] : 0f;
                labelScores[l] = ((1 - gateWeight) * labelScores[l]) + (gateWeight * groups[g] * share);
            }
        }

        if (_labelModel is not null)
        {
            // The label model's probability of each label, blended like the gate's: it has seen every phrasing of
            // every label at once, so it weighs the words that separate entries sharing a procedure.
            Span<float> probabilities = stackalloc float[_labels.Length];
            _labelModel.Probabilities(queryIds, queryWeights, probabilities);
            var labelWeight = (float)_options.LabelModelWeight;
            var faqOnly = _options.LabelModelFaqOnly;
            var faqMass = 0f;
            var faqBest = 0f;
            for (var l = 0; l < labelScores.Length; l++)
            {
                if (_labelGroups[l] == 0)
                {
                    faqMass += probabilities[l];
                    faqBest = Math.Max(faqBest, labelScores[l]);
                }
            }

            for (var l = 0; l < labelScores.Length; l++)
            {
                if (!faqOnly)
                {
                    labelScores[l] = ((1 - labelWeight) * labelScores[l]) + (labelWeight * probabilities[l]);
                }
                else if (_labelGroups[l] == 0 && faqMass > 0)
                {
                    // Within the FAQ entries only: the label model re-ranks them (its share of the FAQ mass, on the
                    // scale of the best FAQ score); whether the message is a FAQ question at all stays the gate's.
                    labelScores[l] = ((1 - labelWeight) * labelScores[l]) + (labelWeight * faqBest * probabilities[l] / faqMass);
                }
            }
        }

        if (_concepts is not null)
        {
            evidence = Evidence(normalized, words, inQuestion);
        }

        var report = evidence.ComplaintStatement ? (float)_options.ComplaintReport : evidence.Report;
        // Another agency's word keeps the bonus off ("mất điện từ sáng" is the utility's), unless the problem is the
        // office's conduct: "phường bắt nộp giấy cư trú dù đã có trên VNeID" is a complaint about the ward.
        if (_feedbackLabel >= 0 && report > 0 && (!evidence.Referral || evidence.Conduct))
        {
            // The problem-report detector: a problem predicate with an object, a place or a time span is a report
            // of a local problem (LABELING.md rule 2) whatever its words; with a question ("… báo ở đâu?") still
            // one, at half the weight, since "hồ sơ bị trả về thì làm sao" may be a question about a procedure.
            // A wish to complain stated without a question counts too (ComplaintReport): "tôi góp ý thủ tục chứng
            // thực còn phải photo nhiều bản" names a procedure but is feedback.
            labelScores[_feedbackLabel] += (float)(_options.ReportWeight * report);
        }

        if (_noneLabel >= 0 && evidence.Referral && evidence.DocumentProcedure)
        {
            // Another agency's word as the document of an office procedure ("sao y căn cước", "dùng VNeID đăng nhập dịch
            // vụ công"): the out-of-scope exemplars that share the word are about the other agency's own procedure, so
            // their similarity counts for less (the referral word still lowers the confidence, DisagreementFactor).
            labelScores[_noneLabel] *= (float)_options.ReferralObjectNoneFactor;
        }

        if (_cueLabels is not null && _options.CueWeight > 0)
        {
            // A phrase that names an operation of one entry ("tới đâu rồi" = following an application) decides
            // over the procedure it is about (LABELING.md rule 5): that entry gets a bonus, in full when the phrase
            // is in the question sentence.
            var cueLabels = _cueLabels;
            var tokens = normalized.Tokens;
            var cues = new float[labelScores.Length];
            var owners = _conceptOwners;
            List<(int Owner, int Start, int End)>? documents = null;
            List<(int Label, int Start, int End)>? operationSpans = null;
            _concepts!.MatchSpans(words, TonesOf(tokens, words), (concept, at, length) =>
            {
                if (owners is not null && owners[concept] >= 0)
                {
                    (documents ??= []).Add((owners[concept], at, at + length));
                }

                var label = cueLabels[concept];
                if (label >= 0 && (label != _cancelLabel || tokens.Count <= _options.CancelCueMaxWords))
                {
                    var weight = inQuestion[at] ? 1f : (float)_options.ContextSentenceWeight;
                    cues[label] = Math.Max(cues[label], weight);
                    if (owners is not null && inQuestion[at] && label != _cancelLabel)
                    {
                        (operationSpans ??= []).Add((label, at, at + length));
                    }
                }
            });
            if (documents is not null && operationSpans is not null)
            {
                // An operation named in the question sentence ("… tới đâu rồi", "mất giấy …") over the document it is
                // applied to ("hồ sơ kết hôn"): the entry owning the named document loses when the cue is that of an
                // operation entry (one whose exemplars apply it to several documents, learned from the content), the
                // document entry is not an operation itself, and the cue's own words are not the document's ("bản
                // sao giấy" names a copy: it is no operation against the copy entry).
                var factor = (float)_options.OperationDocumentFactor;
                var operations = _operationEntries!;
                var penalised = new bool[labelScores.Length];
                foreach (var (document, _, _) in documents)
                {
                    if (penalised[document] || cues[document] >= 1f
                        || (_options.OperationSparesCueEntries && _cueEntries![document])
                        || (_options.OperationSparesOperations && operations[document]))
                    {
                        continue;
                    }

                    foreach (var (operation, start, end) in operationSpans)
                    {
                        if (operation != document && operations[operation] && !CueNamesDocument(start, end, document, documents))
                        {
                            labelScores[document] *= factor;
                            penalised[document] = true;
                            break;
                        }
                    }
                }
            }

            for (var l = 0; l < labelScores.Length; l++)
            {
                labelScores[l] += (float)_options.CueWeight * cues[l];
            }
        }

        return labelScores;
    }

    /// <summary>Whether a concept owned by <paramref name="document"/> lies within the cue span [start, end).</summary>
    private bool CueNamesDocument(int start, int end, int document, List<(int Owner, int Start, int End)> documents)
    {
        if (!_options.OperationCueOwnWords)
        {
            return false;
        }

        foreach (var (owner, s, e) in documents)
        {
            if (owner == document && s >= start && e <= end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some word (after typo correction) is a feature of the index or a word of a concept phrase.</summary>
    private bool KnowsAnyWord(string[] words)
    {
        foreach (var word in words)
        {
            if (_featureIds.ContainsKey(FeatureHash.Word(word)) || (_concepts?.Words.Contains(word) ?? false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The cue labels named in the question sentence and whether any referral topic is named.</summary>
    private ConceptEvidence Evidence(NormalizedMessage normalized, string[] words, bool[] inQuestion)
    {
        var tokens = normalized.Tokens;
        var cueLabels = _cueLabels;
        var referral = false;
        var conduct = false;
        var several = false;
        var cue = -1;
        var shape = default(ReportShape);
        var procedure = false;
        _concepts!.Match(words, TonesOf(tokens, words), (concept, at) =>
        {
            shape = shape.With(_concepts.KindOf(concept), 1f);
            procedure |= _concepts.IsDocumentProcedure(concept);
            conduct |= concept == _conductConcept;
            if (_referrals.ContainsKey(_concepts.Names[concept]))
            {
                referral = true;
            }
            else if (cueLabels is not null && cueLabels[concept] is var label and >= 0 && label != cue
                && inQuestion[at]
                && (label != _cancelLabel || tokens.Count <= _options.CancelCueMaxWords))
            {
                several |= cue >= 0;
                cue = label;
            }
        });
        // A full feedback code ("PA-2026-000123") says the message follows a feedback (intent:status): a tracking
        // cue ("tới đâu rồi") in it does not contradict that.
        var code = _statusLabel >= 0 && normalized.TicketCodes.Any(c => c.StartsWith("PA-", StringComparison.Ordinal));
        return new ConceptEvidence(referral, cue, several, _noneLabel)
        {
            Report = shape.Report,
            ComplaintStatement = shape.Complain > 0 && shape.Ask == 0 && shape.Problem == 0,
            Conduct = conduct,
            DocumentProcedure = procedure,
            Exempt = code ? _statusLabel : -1,
        };
    }

    /// <summary>Ids of the <paramref name="count"/> highest positive scores, best first (ties: lower id first).</summary>
    private static List<int> TopLabels(float[] scores, int count)
    {
        var top = new List<int>(count + 1);
        for (var l = 0; l < scores.Length; l++)
        {
            var score = scores[l];
            if (score <= 0 || (top.Count == count && score <= scores[top[^1]]))
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && score > scores[top[at - 1]])
            {
                at--;
            }

            top.Insert(at, l);
            if (top.Count > count)
            {
                top.RemoveAt(count);
            }
        }

        return top;
    }

    /// <summary>Name of a label id as used by <see cref="ScoreLabels"/> ("none" included).</summary>
    internal string LabelName(int label) => _labels[label];

    private double Calibrate(float score, float margin)
    {
        // A logistic in the similarity, scaled down for a close race: with no lead over the runner-up the
        // confidence is halved (ask which was meant), with a relative lead of CalibrationTieMargin or more it
        // stands. A high similarity shared by two labels is no reason to answer outright.
        var similarity = 1.0 / (1.0 + Math.Exp(-_options.CalibrationSlope * (score - _options.CalibrationCentre)));
        var lead = _options.CalibrationTieMargin <= 0 || score <= 0 ? 1.0
            : Math.Clamp(margin / score / _options.CalibrationTieMargin, 0.0, 1.0);
        return Math.Round(similarity * (0.5 + (0.5 * lead)), 4);
    }

    private static float Sublinear(float weight) => weight > 1f ? 1f + MathF.Log(weight) : weight;

    /// <summary>
    /// Folded word with the i/y spelling variants merged ("ký"/"kí", "lý"/"lí", "quý"/"quí"): a final y after
    /// consonants only is written either way.
    /// </summary>
    internal static string CanonicalWord(string folded)
    {
        if (folded.Length < 2 || folded[^1] != 'y')
        {
            return folded;
        }

        for (var i = 0; i < folded.Length - 1; i++)
        {
            var isQuGlide = i == 1 && folded[0] == 'q' && folded[1] == 'u';
            if (folded[i] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' && !isQuGlide)
            {
                return folded;
            }
        }

        return string.Concat(folded.AsSpan(0, folded.Length - 1), "i");
    }

    /// <summary>Per word, the tone key concept phrases must agree with (null: unmarked, or replaced by the typo corrector).</summary>
    private static string?[] TonesOf(IReadOnlyList<MessageToken> tokens, string[] words)
    {
        var tones = new string?[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var token = tokens[i];
            tones[i] = words[i] == CanonicalWord(token.Folded) ? CompiledConcepts.ToneOf(token) : null;
        }

        return tones;
    }

    private static void ExtractFeatures(
        IReadOnlyList<MessageToken> tokens,
        string[] words,
        Func<int, float> tokenWeight,
        FrozenSet<string> stopwords,
        RecognizerOptions options,
        CompiledConcepts? concepts,
        Dictionary<ulong, float> features)
    {
        var bigram = (float)options.BigramWeight;
        var trigram = (float)options.CharTrigramWeight;
        var stop = (float)options.StopwordWeight;
        var previousWeight = 0f;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = words[i];
            var isStopword = stopwords.Contains(word);
            var weight = tokenWeight(i) * (isStopword ? stop : 1f);
            Add(features, FeatureHash.Word(word), weight);
            if (bigram > 0 && i > 0 && tokens[i - 1].Sentence == tokens[i].Sentence)
            {
                Add(features, FeatureHash.Bigram(words[i - 1], word), bigram * Math.Max(weight, previousWeight));
            }

            // Stopwords get no trigrams: they would only add long, uninformative posting lists.
            if (trigram > 0 && !isStopword && word.Length >= 2 && word[0] != '#')
            {
                // Trigrams of "<word>": "<đă" style boundaries make "kí" and "kis" share "<ki".
                for (var k = -1; k + 2 <= word.Length; k++)
                {
                    Add(features, FeatureHash.Trigram(word, k), trigram * weight);
                }
            }

            previousWeight = weight;
        }

        if (concepts is not null)
        {
            var conceptWeight = (float)options.ConceptWeight;
            var shape = default(ReportShape);
            concepts.Match(words, TonesOf(tokens, words), (concept, at) =>
            {
                var weight = tokenWeight(at);
                if (conceptWeight > 0)
                {
                    Add(features, concepts.FeatureOf(concept), conceptWeight * weight);
                }

                shape = shape.With(concepts.KindOf(concept), weight);
            });
            if (options.ShapeWeight > 0)
            {
                shape.AddFeatures((key, weight) => Add(features, FeatureHash.Word(key), (float)options.ShapeWeight * weight));
            }
        }

        // One hash look-up per feature (GetValueOrDefault then the indexer were two): the same sums in the same order.
        static void Add(Dictionary<ulong, float> features, ulong feature, float weight)
        {
            ref var value = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(features, feature, out _);
            value += weight;
        }
    }
}
