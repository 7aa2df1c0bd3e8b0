namespace ZaloBot.Web.Tests.Conversations.Scenarios;

/// <summary>The scenario cannot go on (a question never asked, no reply): recorded as its failure.</summary>
public sealed class ScenarioStuckException(string message) : Exception(message);
