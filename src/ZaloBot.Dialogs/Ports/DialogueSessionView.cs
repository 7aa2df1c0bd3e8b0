namespace ZaloBot.Dialogs.Ports;

/// <summary>A dialogue session open for registration, as the chat shows it.</summary>
public sealed record DialogueSessionView(long Id, string Title, DateTimeOffset StartsAt, string? Place, string? OnlineUrl, string Topics, DateOnly RegistrationDeadline);
