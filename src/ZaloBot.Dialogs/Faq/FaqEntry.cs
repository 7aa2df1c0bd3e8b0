namespace ZaloBot.Dialogs.Faq;

/// <summary>
/// One FAQ knowledge-base entry, as stored in <c>content/faq.yaml</c> and (by the web app) in PostgreSQL.
/// <paramref name="Slug"/> is the stable key evaluation sets and links use; <paramref name="Phrasings"/> are
/// alternative ways citizens ask the <paramref name="Question"/>; <paramref name="Related"/> are slugs;
/// <paramref name="NeedsReview"/> marks answers whose contact details the office must confirm.
/// </summary>
public sealed record FaqEntry(
    string Slug,
    string Category,
    string Question,
    IReadOnlyList<string> Phrasings,
    IReadOnlyList<string> Related,
    string Answer,
    bool NeedsReview,
    bool Published);
