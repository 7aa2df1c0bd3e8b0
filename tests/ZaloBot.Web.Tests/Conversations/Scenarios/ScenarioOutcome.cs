namespace ZaloBot.Web.Tests.Conversations.Scenarios;

/// <summary>What must hold when the scenario's steps are done.</summary>
public sealed class ScenarioOutcome
{
    public ScenarioTicket? Ticket { get; set; }

    public bool NoTicket { get; set; }

    /// <summary>The citizen asked for staff: a handoff request exists, or (out of office hours) a message or ticket was left.</summary>
    public bool Handoff { get; set; }

    /// <summary>No question was recorded as unanswered (short replies are not questions).</summary>
    public bool NoUnanswered { get; set; }
}
