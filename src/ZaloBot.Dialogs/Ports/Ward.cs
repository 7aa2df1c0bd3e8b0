namespace ZaloBot.Dialogs.Ports;

/// <summary>A ward of the district (configurable). Synonyms such as "9", "p9" select "Phường 9".</summary>
public sealed record Ward(string Code, string Name, IReadOnlyList<string> Synonyms);
