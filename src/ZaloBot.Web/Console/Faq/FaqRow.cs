namespace ZaloBot.Web.Console.Faq;

/// <summary>One line of the FAQ list, with the citizens' 👍/👎 counts.</summary>
public sealed record FaqRow(
    string Slug,
    string Category,
    string Question,
    int Phrasings,
    bool IsPublished,
    bool NeedsReview,
    int Revision,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt,
    int Helpful,
    int NotHelpful);
