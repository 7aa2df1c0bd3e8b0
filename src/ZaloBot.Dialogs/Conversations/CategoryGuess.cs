using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>What the words say about the category: one confident choice, or the tied candidates (asked first), or nothing.</summary>
public sealed record CategoryGuess(FeedbackCategoryView? Category, IReadOnlyList<string> Candidates);
