namespace ZaloBot.Dialogs.Understanding;

/// <summary>The kinds of concept that <see cref="ReportShape"/> reads (the part of the name before the dot).</summary>
internal enum ConceptKind : byte
{
    Other,
    Object,
    Problem,
    Span,
    Ask,
    Referral,
    Complain,
    Topic,
}
