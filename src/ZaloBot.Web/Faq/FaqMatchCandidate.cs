namespace ZaloBot.Web.Faq;

public sealed record FaqMatchCandidate(string Label, double Confidence);
