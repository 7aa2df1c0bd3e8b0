namespace ZaloBot.Web.Faq;

public sealed record FaqMatchResponse(string Query, string Decision, string Top, IReadOnlyList<FaqMatchCandidate> Candidates);
