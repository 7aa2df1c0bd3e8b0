namespace ZaloBot.Dialogs.Understanding;

/// <summary>An intent ("intent:feedback") and the phrasings that train the recognizer for it.</summary>
public sealed record IntentDefinition(string Name, IReadOnlyList<string> Phrasings);
