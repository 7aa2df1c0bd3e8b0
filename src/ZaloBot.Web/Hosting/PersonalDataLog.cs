namespace ZaloBot.Web.Hosting;

/// <summary>
/// Log messages that carry citizen data: every log line that names a citizen goes through here. Parameters marked
/// [PersonalData] are erased by the redactor and [PersonalId] ones replaced by a pseudonym (see
/// <see cref="ObservabilityConfiguration"/>), so the message template stays useful while Zalo ids, phone numbers,
/// names and texts never reach a log.
/// </summary>
public static partial class PersonalDataLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Message from {ZaloUserId}: {Text}")]
    public static partial void CitizenMessage(ILogger logger, [PersonalId] string zaloUserId, [PersonalData] string text);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Contact details from {ZaloUserId}: {Name}, {Phone}")]
    public static partial void ContactDetails(ILogger logger, [PersonalId] string zaloUserId, [PersonalData] string? name, [PersonalData] string? phone);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "State of {ZaloUserId} changed during a turn; re-running (attempt {Attempt})")]
    public static partial void StateConflict(ILogger logger, [PersonalId] string zaloUserId, int attempt);
}
