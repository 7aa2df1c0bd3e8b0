namespace ZaloBot.Web.Cchc;

/// <summary>What the editor form posts.</summary>
public sealed record CchcPostInput(string? Title, string? Summary, string? Body, string? ImageUrl, string? LinkUrl, CchcTopic Topic);
