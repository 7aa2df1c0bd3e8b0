namespace ZaloBot.Web.Tests.Conversations.Scenarios;

/// <summary>The one ticket the citizen must have filed.</summary>
public sealed class ScenarioTicket
{
    public string? Category { get; set; }

    public string? Ward { get; set; }

    /// <summary>At most this many citizen messages after the first one, the confirmation included.</summary>
    public int? Within { get; set; }

    /// <summary>Text the ticket's description must contain (nothing the citizen typed is lost).</summary>
    public string? DescriptionContains { get; set; }
}
