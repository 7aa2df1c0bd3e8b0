namespace ZaloBot.Dialogs.Faq;

/// <summary>
/// Another agency's business citizens often ask the district about (<c>content/referrals.yaml</c>): the words that
/// name it, and the reply that says who handles it and how to reach them. <paramref name="NeedsReview"/> marks
/// addresses and numbers the office must confirm.
/// </summary>
public sealed record ReferralEntry(string Key, string Topic, IReadOnlyList<string> Keywords, string Reply, bool NeedsReview)
{
    /// <summary>Name of the recognizer concept the keywords become ("referral.thue").</summary>
    public string Concept => "referral." + Key;
}
