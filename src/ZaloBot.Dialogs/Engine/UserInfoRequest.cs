namespace ZaloBot.Dialogs.Engine;

/// <summary>Zalo's "request_user_info" one-tap form; the answer arrives as <see cref="ActivityType.SubmittedInfo"/>.</summary>
public sealed record UserInfoRequest(string Title, string Subtitle);
