namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// What the thesaurus says about a message besides its features: whether it names another agency's business (a
/// <c>referral.*</c> topic) and the one entry whose operation its question sentence names (a <c>label.SLUG</c> cue,
/// -1 when none; <c>Several</c> when cues of different entries are named). Evidence against the top label lowers its confidence (ask rather than answer).
/// </summary>
internal readonly record struct ConceptEvidence(bool Referral, int Cue, bool Several, int NoneLabel)
{
    /// <summary>1 for the shape of a report of a local problem, 0.5 for one with a question, else 0 (<see cref="ReportShape.Report"/>).</summary>
    public float Report { get; init; }

    /// <summary>A wish to complain (<c>act.complain</c>) with no question word and no problem predicate.</summary>
    public bool ComplaintStatement { get; init; }

    /// <summary>A <c>problem.conduct</c> predicate (staff behaviour, demands, queues) is named.</summary>
    public bool Conduct { get; init; }

    /// <summary>A procedure whose object may be another agency's document is named (<see cref="ConceptThesaurus.DocumentProcedures"/>).</summary>
    public bool DocumentProcedure { get; init; }

    /// <summary>A label no cue contradicts (intent:status when the message holds a feedback code), or -1.</summary>
    public int Exempt { get; init; } = -1;

    /// <summary>True when the evidence disagrees with <paramref name="label"/> winning.</summary>
    public bool Conflicts(int label) => (Referral && label != NoneLabel) || (Cue >= 0 && label != Exempt && (Several || Cue != label));
}
