namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// Thresholds and weights of <see cref="RecognizerIndex"/>. Defaults were chosen by k-fold measurement on the content (not the dev set)
/// (docs/understanding.md); call <see cref="Validate"/> on start.
/// </summary>
public sealed class RecognizerOptions
{
    /// <summary>
    /// Answer straight away when the top confidence is at least this. Default 0.6: on held-out phrasings, answers
    /// at 0.6 or more were right 84-95 % of the time, those between 0.3 and 0.6 only 52-73 % (docs/understanding.md).
    /// </summary>
    public double AnswerThreshold { get; set; } = 0.6;

    /// <summary>
    /// Below <see cref="AnswerThreshold"/> but at least this: ask which of the top candidates was meant.
    /// Below it: "none" (say we do not know, offer feedback or staff). Default 0.05 (0.10 until session 8: on 5-fold,
    /// 0.05 clarifies 4 more right labels whose runner-up was "none" and raises none precision 91.7 → 95.1 %, two fewer
    /// out-of-scope lines get None, recall 96.2 → 95.5 %): with the learned gate, a message
    /// that "none" does not win is nearly always about one of the top candidates, so the bot asks rather than gives up
    /// (docs/understanding.md: on held-out content phrasings between 0.1 and 0.3 the top candidate is right about
    /// half the time, which is worth a "did you mean", not a shrug).
    /// </summary>
    public double ClarifyThreshold { get; set; } = 0.05;

    /// <summary>How many ranked candidates a <see cref="Recognition"/> carries (for "did you mean"). Default 3.</summary>
    public int MaxCandidates { get; set; } = 3;

    /// <summary>
    /// Weight of tokens outside the question sentence in a message of several sentences: the question (usually
    /// the last sentence) decides, the story around it only helps. Default 0.5.
    /// </summary>
    public double ContextSentenceWeight { get; set; } = 0.5;

    /// <summary>Weight of syllable bigram features relative to unigrams ("hộ kinh" vs "hồ sơ"). Default 1.0.</summary>
    public double BigramWeight { get; set; } = 1.0;

    /// <summary>
    /// Weight of a stopword (intents.yaml <c>stopwords</c>) relative to a content word. Default 1.0: down-weighting
    /// (0.3, 0.6) measured no better; stopwords still get no character trigrams, which keeps scoring fast.
    /// </summary>
    public double StopwordWeight { get; set; } = 1.0;

    /// <summary>
    /// Weight of character trigram features of each word (typos, word variants, partial overlap); 0 turns them off.
    /// Default 0.8 since session 5 (5-fold 92.8 → 93.5 % alone, with the label model 93.3 → 93.4 %; 1.0 before):
    /// trigrams help on typos and variants, but at full weight they let shared spelling outvote words.
    /// </summary>
    public double CharTrigramWeight { get; set; } = 0.8;

    /// <summary>
    /// Share of a label's score that comes from its centroid (all its phrasings together) rather than its single
    /// closest phrasing; 0 is pure nearest-exemplar. Default 0.5 (5-fold on the content: 0.4 → 0.5, +0.3 points).
    /// </summary>
    public double CentroidWeight { get; set; } = 0.5;

    /// <summary>
    /// Features found in more than this share of the exemplars (common trigrams such as "&lt;ch", words such as
    /// "hồ sơ" in a large index) are dropped: they carry almost no information but make scoring slow. Default 0.5.
    /// </summary>
    public double MaxFeatureDocumentRatio { get; set; } = 0.5;

    /// <summary>
    /// Absolute cap on the exemplars a feature may occur in before it is dropped like a stop-feature. Only large
    /// indexes reach it (a 2,000-entry index has about 45,000 exemplars); it bounds the scoring work per message.
    /// Default 3,000.
    /// </summary>
    public int MaxPostingsPerFeature { get; set; } = 3000;

    /// <summary>
    /// Score "none" by its nearest out-of-scope exemplar only instead of the exemplar/centroid blend: the centroid
    /// of unrelated topics means nothing and would make "none" lose to any coherent label. Default on
    /// (none recall on the dev set 94.7 % → 97.4 %).
    /// </summary>
    public bool OutOfScopeNearestOnly { get; set; } = true;

    /// <summary>
    /// Multiplier on the "none" score before ranking: below 1, an in-scope label wins close calls against an
    /// out-of-scope exemplar. Default 1.0.
    /// </summary>
    public double OutOfScopeWeight { get; set; } = 1.0;

    /// <summary>Map an unknown word to a known one at edit distance 1 ("dang kí", "khai sinnh"). Default on.</summary>
    public bool CorrectTypos { get; set; } = true;

    /// <summary>
    /// Steepness and centre of the logistic curve that turns a label's score (cosine blend) into a confidence in
    /// [0, 1], before the tie scaling of <see cref="CalibrationTieMargin"/>.
    /// </summary>
    public double CalibrationSlope { get; set; } = 8.0;

    /// <inheritdoc cref="CalibrationSlope"/>
    public double CalibrationCentre { get; set; } = 0.5;

    /// <summary>
    /// Relative lead over the runner-up ((best − second) / best) at which the top label counts as a clear winner;
    /// with less, its confidence is scaled down towards half, so near ties are clarified. 0 ignores the runner-up.
    /// </summary>
    public double CalibrationTieMargin { get; set; } = 0.3;

    /// <summary>
    /// Weight of a concept feature (<see cref="ConceptThesaurus"/>: synonyms, regional and English words of one idea)
    /// relative to a word; 0 turns the thesaurus off. Default 1.5 (5-fold on the content: 0.5 → 86.2 %, 1 → 87.3 %,
    /// 1.5 → 88.1 %, 2 → 88.0 %).
    /// </summary>
    public double ConceptWeight { get; set; } = 1.5;

    /// <summary>
    /// Bonus added to the score of label SLUG when the message holds a phrase of the concept <c>label.SLUG</c>
    /// (content/concepts.yaml: phrases that name an operation, such as following an application, whatever procedure
    /// it is about); 0 turns cues off.
    /// </summary>
    public double CueWeight { get; set; } = 0.15;

    /// <summary>
    /// Factor on the confidence of a top label that the nearest exemplars alone did not rank first (the gate or a
    /// cue overruled them): such a label is clarified rather than answered with high confidence. 1 = no effect.
    /// </summary>
    public double DisagreementFactor { get; set; } = 0.75;

    /// <summary>
    /// A sentence of at least this many words is a story: its question starts at its last "cho hỏi" / "xin hỏi" (the
    /// words before weigh <see cref="ContextSentenceWeight"/>). Questions alone have 3-15 words.
    /// </summary>
    public int LongSentenceWords { get; set; } = 20;

    /// <summary>
    /// A cancel cue ("quay lại", "thôi", "dừng lại") counts only in a message of at most this many words: "hủy",
    /// "thôi khỏi" cancel, but "lần nào cũng hẹn mai quay lại" in a complaint does not (cancel phrasings have 1-7 words).
    /// </summary>
    public int CancelCueMaxWords { get; set; } = 8;

    /// <summary>
    /// Bonus to <c>intent:feedback</c> for a message shaped like a report of a local problem (<see cref="ReportShape.Report"/>:
    /// a problem predicate with an object, a place or a time span; half with a question word); 0 = off.
    /// </summary>
    public double ReportWeight { get; set; } = 0.1;

    /// <summary>
    /// The report shape (share of <see cref="ReportWeight"/>) of a wish to complain stated without a problem predicate
    /// or a question ("kiến nghị đơn giản hóa giấy tờ khi đăng ký hộ kinh doanh", "tôi góp ý thủ tục …"): a complaint
    /// that names a procedure is feedback, not the procedure's entry (LABELING.md rule 2); 0 = off.
    /// </summary>
    public double ComplaintReport { get; set; } = 0.5;

    /// <summary>Weight of the report-shape features (<see cref="ReportShape"/>: object + problem, no question…).</summary>
    public double ShapeWeight { get; set; } = 1.0;

    /// <summary>
    /// Share of a label's score that comes from the learned gate (logistic regression over the same features that
    /// tells FAQ questions, each intent and out-of-scope messages apart); 0 turns the gate off.
    /// </summary>
    public double GateWeight { get; set; } = 0.3;

    /// <summary>
    /// Share of a label's score that comes from the label model: a second logistic regression trained with the
    /// gate (same texts, same vectors) with one class per label, so it learns which words tell two FAQ entries that
    /// share a procedure apart, where the gate only tells FAQ from intents and none; 0 turns it off.
    /// Default 0.2 since session 5 (5-fold 92.8 → 93.3 %, none recall 95.1 → 95.5 %, feedback 94.1 → 95.1 %, no wrong
    /// answer at ≥ 0.8; 0.3: 93.2 %, 0.5: 92.8 %).
    /// </summary>
    public double LabelModelWeight { get; set; } = 0.2;

    /// <summary>
    /// The label model is trained only on indexes with at most this many labels: its training cost grows with the
    /// number of labels and its weights are features × labels (35 labels of the shipped content: 60-230 ms CPU a
    /// rebuild, 1.1 MB; a 2,000-entry index: about 965 MB), and with thousands of entries the exemplars alone pick the entry.
    /// </summary>
    public int LabelModelMaxLabels { get; set; } = 200;

    /// <summary>The label model re-ranks FAQ entries only (true) or blends into every label's score (false).</summary>
    public bool LabelModelFaqOnly { get; set; } = true;

    /// <summary>Augmented variants per exemplar the gate trains on (story opener, word left out, letter dropped).</summary>
    public int GateAugmentations { get; set; } = 2;

    /// <summary>Passes of stochastic gradient descent over the gate's training set.</summary>
    public int GateEpochs { get; set; } = 8;

    /// <summary>Initial learning rate of the gate (decays as 1 / (1 + 0.5 × epoch)).</summary>
    public double GateLearningRate { get; set; } = 0.5;

    /// <summary>L2 weight decay of the gate per step.</summary>
    public double GateL2 { get; set; } = 1e-4;

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of range.</summary>
    /// <summary>
    /// Multiplier on the "none" score when another agency's word is the document of an office procedure: the message
    /// names a referral topic and one of <see cref="ConceptThesaurus.DocumentProcedures"/> ("sao y căn cước", "dùng
    /// VNeID đăng nhập dịch vụ công"). 1 = off; 0.5 (session 8): 5-fold +5 phrasings, none recall unchanged.
    /// </summary>
    public double ReferralObjectNoneFactor { get; set; } = 0.5;

    /// <summary>
    /// A message none of whose words (after typo correction) the index or the thesaurus knows is None, however many
    /// character trigrams it shares with exemplars ("qwerty"). Session 8: with <see cref="ClarifyThreshold"/> 0.05
    /// such messages were clarified at 0.05-0.1.
    /// </summary>
    public bool RequireKnownWord { get; set; } = true;

    /// <summary>
    /// An operation over the document it is applied to (LABELING.md rule 5): when the question sentence names the
    /// operation of one entry (a <c>label.SLUG</c> cue: "tới đâu rồi", "mất giấy", "trả qua ngân hàng"), every other
    /// FAQ entry that owns a topic the message names (the document: "kết hôn", "hộ kinh doanh") has its score
    /// multiplied by this factor. 1 = off; 0.6 (session 8b): 5-fold +4 phrasings (5 fixed, 1 broken), 0.5-0.7 within one.
    /// </summary>
    public double OperationDocumentFactor { get; set; } = 0.6;

    /// <summary>
    /// A FAQ entry owns a <c>topic.*</c> concept when at least this share of its exemplars name it and no entry names
    /// it in a larger share (learned from the content at build, <see cref="OperationDocumentFactor"/>).
    /// </summary>
    public double ConceptOwnerShare { get; set; } = 0.3;

    /// <summary>
    /// The cue of an entry counts as an operation (<see cref="OperationDocumentFactor"/>) only when that entry's
    /// exemplars name the topics owned by at least this many other entries: the content applies it to several
    /// documents (tracking a business registration or a marriage dossier, paying for a copy). 0 = every cue.
    /// </summary>
    public int OperationMinDocuments { get; set; } = 3;

    /// <summary>
    /// Entries that have cues of their own (<c>label.SLUG</c>: operations such as tracking or paying) never lose to
    /// another entry's cue under <see cref="OperationDocumentFactor"/>: an operation does not give way to an operation.
    /// </summary>
    public bool OperationSparesCueEntries { get; set; } = true;

    /// <summary>An entry that is itself an operation (<see cref="OperationMinDocuments"/>) never loses to another entry's cue.</summary>
    public bool OperationSparesOperations { get; set; }

    /// <summary>
    /// A cue whose own words name a document ("bản sao giấy" holds "bản sao") is no operation against that document's
    /// entry under <see cref="OperationDocumentFactor"/>.
    /// </summary>
    public bool OperationCueOwnWords { get; set; } = true;

    public void Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message);
            }
        }

        Require(ClarifyThreshold is > 0 and < 1, "RecognizerOptions.ClarifyThreshold must be in (0, 1).");
        Require(AnswerThreshold is > 0 and < 1, "RecognizerOptions.AnswerThreshold must be in (0, 1).");
        Require(ClarifyThreshold <= AnswerThreshold, "RecognizerOptions.ClarifyThreshold must not exceed AnswerThreshold.");
        Require(MaxCandidates is >= 1 and <= 20, "RecognizerOptions.MaxCandidates must be 1-20.");
        Require(ContextSentenceWeight is >= 0 and <= 1, "RecognizerOptions.ContextSentenceWeight must be in [0, 1].");
        Require(BigramWeight is >= 0 and <= 5, "RecognizerOptions.BigramWeight must be in [0, 5].");
        Require(StopwordWeight is >= 0 and <= 1, "RecognizerOptions.StopwordWeight must be in [0, 1].");
        Require(CharTrigramWeight is >= 0 and <= 5, "RecognizerOptions.CharTrigramWeight must be in [0, 5].");
        Require(CentroidWeight is >= 0 and <= 1, "RecognizerOptions.CentroidWeight must be in [0, 1].");
        Require(MaxFeatureDocumentRatio is > 0 and <= 1, "RecognizerOptions.MaxFeatureDocumentRatio must be in (0, 1].");
        Require(MaxPostingsPerFeature >= 10, "RecognizerOptions.MaxPostingsPerFeature must be at least 10.");
        Require(OutOfScopeWeight is > 0 and <= 2, "RecognizerOptions.OutOfScopeWeight must be in (0, 2].");
        Require(CalibrationSlope is > 0 and <= 100, "RecognizerOptions.CalibrationSlope must be in (0, 100].");
        Require(CalibrationCentre is > 0 and < 1, "RecognizerOptions.CalibrationCentre must be in (0, 1).");
        Require(ConceptWeight is >= 0 and <= 5, "RecognizerOptions.ConceptWeight must be in [0, 5].");
        Require(CueWeight is >= 0 and <= 1, "RecognizerOptions.CueWeight must be in [0, 1].");
        Require(DisagreementFactor is > 0 and <= 1, "RecognizerOptions.DisagreementFactor must be in (0, 1].");
        Require(LongSentenceWords is >= 5 and <= 1000, "RecognizerOptions.LongSentenceWords must be 5-1000.");
        Require(CancelCueMaxWords is >= 1 and <= 100, "RecognizerOptions.CancelCueMaxWords must be 1-100.");
        Require(ReportWeight is >= 0 and <= 1, "RecognizerOptions.ReportWeight must be in [0, 1].");
        Require(ComplaintReport is >= 0 and <= 1, "RecognizerOptions.ComplaintReport must be in [0, 1].");
        Require(ShapeWeight is >= 0 and <= 5, "RecognizerOptions.ShapeWeight must be in [0, 5].");
        Require(GateWeight is >= 0 and <= 1, "RecognizerOptions.GateWeight must be in [0, 1].");
        Require(LabelModelWeight is >= 0 and <= 1, "RecognizerOptions.LabelModelWeight must be in [0, 1].");
        Require(LabelModelMaxLabels is >= 0 and <= 10_000, "RecognizerOptions.LabelModelMaxLabels must be 0-10000.");
        Require(GateAugmentations is >= 0 and <= 10, "RecognizerOptions.GateAugmentations must be 0-10.");
        Require(GateEpochs is >= 1 and <= 100, "RecognizerOptions.GateEpochs must be 1-100.");
        Require(GateLearningRate is > 0 and <= 10, "RecognizerOptions.GateLearningRate must be in (0, 10].");
        Require(GateL2 is >= 0 and < 0.1, "RecognizerOptions.GateL2 must be in [0, 0.1).");
        Require(ReferralObjectNoneFactor is > 0 and <= 1, "RecognizerOptions.ReferralObjectNoneFactor must be in (0, 1].");
        Require(OperationDocumentFactor is > 0 and <= 1, "RecognizerOptions.OperationDocumentFactor must be in (0, 1].");
        Require(ConceptOwnerShare is > 0 and <= 1, "RecognizerOptions.ConceptOwnerShare must be in (0, 1].");
        Require(OperationMinDocuments >= 0, "RecognizerOptions.OperationMinDocuments must be at least 0 (0: every cue).");
        Require(CalibrationTieMargin is >= 0 and <= 1, "RecognizerOptions.CalibrationTieMargin must be in [0, 1].");
    }
}
