namespace ZaloBot.Web.BusinessDialogue;

/// <summary>What the session form posts. <see cref="StartsAt"/> is local (Vietnam) date and time.</summary>
public sealed record DialogueSessionInput(string? Title, DateOnly? Date, TimeOnly? Time, string? Place, string? OnlineUrl, string? Topics, DateOnly? RegistrationDeadline);
