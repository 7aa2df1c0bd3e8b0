namespace ZaloBot.Web.Hosting;

/// <summary>
/// Log messages that carry citizen data. Parameters marked [PersonalData] are erased by the redactor
/// (see <see cref="ObservabilityConfiguration"/>), so the message template stays useful while the
/// phone numbers, names and texts never reach a log.
/// </summary>
public static partial class PersonalDataLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Message from {ZaloUserId}: {Text}")]
    public static partial void CitizenMessage(ILogger logger, string zaloUserId, [PersonalData] string text);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Contact details from {ZaloUserId}: {Name}, {Phone}")]
    public static partial void ContactDetails(ILogger logger, string zaloUserId, [PersonalData] string? name, [PersonalData] string? phone);
}
