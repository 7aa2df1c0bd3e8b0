namespace ZaloBot.Dialogs.Ports;

/// <summary>One FAQ answer. <see cref="Question"/> is short enough for a button title (the flows clip it anyway).</summary>
public sealed record FaqAnswer(string Slug, string Question, string Answer, IReadOnlyList<string> RelatedSlugs);
