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

    // Dedupe keys of events without a message id are "event|timestamp|user id": they are logged as pseudonyms too.

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Turn {Key} of {ZaloUserId} conflicted ({Error}); re-running (attempt {Attempt})")]
    public static partial void TurnConflict(ILogger logger, [PersonalId] string key, [PersonalId] string zaloUserId, string error, int attempt);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Inbound event {DedupeKey} waits for the database ({Error})")]
    public static partial void InboundWaitsForDatabase(ILogger logger, [PersonalId] string dedupeKey, string error);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "Inbound event {DedupeKey} dead-lettered after {Attempts} attempts: {Error}")]
    public static partial void InboundDeadLettered(ILogger logger, [PersonalId] string dedupeKey, int attempts, string error);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Inbound event {DedupeKey} failed (attempt {Attempts} of {Max}): {Error}")]
    public static partial void InboundFailed(ILogger logger, [PersonalId] string dedupeKey, int attempts, int max, string error);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Dead letter of {DedupeKey} waits for the database ({Error})")]
    public static partial void DeadLetterWaits(ILogger logger, [PersonalId] string dedupeKey, string error);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Critical, Message = "Inbound event {DedupeKey} could not be dead-lettered; dropped so its partition goes on")]
    public static partial void DeadLetterDropped(ILogger logger, Exception exception, [PersonalId] string dedupeKey);
}
