namespace ZaloBot.Dialogs.Ports;

/// <summary>A street of the district and the ward(s) it runs through (<c>streets:</c> of content/organisation.yaml).</summary>
public sealed record Street(string Name, IReadOnlyList<string> WardCodes);
