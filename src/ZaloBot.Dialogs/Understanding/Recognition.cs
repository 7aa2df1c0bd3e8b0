namespace ZaloBot.Dialogs.Understanding;

/// <summary>The recognizer's verdict: what to do and the ranked candidates behind it.</summary>
public sealed record Recognition(RecognitionDecision Decision, IReadOnlyList<RecognitionCandidate> Candidates)
{
    public const string None = "none";

    /// <summary>
    /// On a None decision, the other agency's business the message names (content/referrals.yaml), so the bot can
    /// say who handles it; null otherwise. The label stays "none".
    /// </summary>
    public Faq.ReferralEntry? Referral { get; init; }

    /// <summary>The best label, or "none" when the decision is <see cref="RecognitionDecision.None"/>.</summary>
    public string TopLabel => Decision == RecognitionDecision.None || Candidates.Count == 0 ? None : Candidates[0].Label;

    public double TopConfidence => Candidates.Count == 0 ? 0 : Candidates[0].Confidence;
}
