namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// A citizen message after <see cref="TextNormalizer"/>: tokens with shorthand expanded, plus what was lifted
/// out of the text. Ticket codes are "PA-2026-000123" (full) or the bare number after "mã" ("000123"; such a
/// number may also be an application's receipt code: the recognized label says which was meant);
/// phone numbers are in national form ("0903123456"). <paramref name="QuestionSentence"/> is the sentence that
/// holds the question: the last one ending in '?', otherwise the last one.
/// </summary>
public sealed record NormalizedMessage(
    IReadOnlyList<MessageToken> Tokens,
    IReadOnlyList<string> TicketCodes,
    IReadOnlyList<string> PhoneNumbers,
    int SentenceCount,
    int QuestionSentence)
{
    /// <summary>Token standing for a ticket code in <see cref="Tokens"/>, so "mã PA-…" phrasings match any code.</summary>
    public const string TicketCodeToken = "#code";

    /// <summary>Token standing for a phone number in <see cref="Tokens"/>.</summary>
    public const string PhoneToken = "#phone";

    /// <summary>True when <see cref="QuestionSentence"/> ends in '?' (false: it is only the last sentence).</summary>
    public bool QuestionMarked { get; init; }

    public string FoldedText => string.Join(' ', Tokens.Select(t => t.Folded));
}
