namespace ZaloBot.Web.Tests.Conversations.Scenarios;

/// <summary>
/// One step: <c>say</c> a line (a tapped button is its label), optionally only once the prompt <c>at</c> is open
/// (the citizen answers the bot's questions until then); or <c>file: true</c>, answer every question until a ticket
/// exists. <c>expect</c> checks the replies to the said line.
/// </summary>
public sealed class ScenarioStep
{
    public string? Say { get; set; }

    /// <summary>category, ward, description, photos, location, contact or confirm: the intake question open before <see cref="Say"/>.</summary>
    public string? At { get; set; }

    public bool File { get; set; }

    public ScenarioReplyExpectation? Expect { get; set; }
}
