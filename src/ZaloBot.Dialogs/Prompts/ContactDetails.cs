namespace ZaloBot.Dialogs.Prompts;

/// <summary>A citizen's contact: phone in national form (0…), name when the Zalo form gave one.</summary>
public sealed record ContactDetails(string? Name, string Phone);
