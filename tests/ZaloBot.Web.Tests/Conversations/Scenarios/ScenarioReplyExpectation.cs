namespace ZaloBot.Web.Tests.Conversations.Scenarios;

/// <summary>What the bot's replies to one line must hold (texts and button titles, compared without case and diacritics).</summary>
public sealed class ScenarioReplyExpectation
{
    public List<string> Contains { get; set; } = [];

    public List<string> NotContains { get; set; } = [];

    /// <summary>Button titles that must be offered.</summary>
    public List<string> Buttons { get; set; } = [];

    /// <summary>The intake question that must be open after the line (<c>none</c>: no intake is running).</summary>
    public string? Open { get; set; }
}
