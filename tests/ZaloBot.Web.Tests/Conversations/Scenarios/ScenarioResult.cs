namespace ZaloBot.Web.Tests.Conversations.Scenarios;

/// <summary>How one scenario went: the failed expectations (empty = passed) and, when a ticket was filed, after how many more turns.</summary>
public sealed record ScenarioResult(ConversationScenario Scenario, IReadOnlyList<string> Failures, int? TurnsToTicket, int Turns)
{
    public bool Passed => Failures.Count == 0;
}
