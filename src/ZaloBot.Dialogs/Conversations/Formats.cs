using System.Globalization;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>Shared formatting of dates, statuses and menu buttons for citizen messages.</summary>
internal static class Formats
{
    /// <summary>Zalo does not document a button title limit; long titles get cut on phones, so 60.</summary>
    public const int MaxButtonTitle = 60;

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A moment in Vietnam time, in the content's <see cref="BotTexts.DateTimeFormat"/> ("07:30 ngày 30/11/2026").</summary>
    public static string LocalTime(BotTexts texts, DateTimeOffset at) =>
        at.ToOffset(VietnamTime.Offset).ToString(texts.DateTimeFormat, CultureInfo.InvariantCulture);

    public static string Status(BotTexts texts, TicketProgress status) => status switch
    {
        TicketProgress.Received => texts.StatusReceived,
        TicketProgress.InProgress => texts.StatusInProgress,
        TicketProgress.Answered => texts.StatusAnswered,
        TicketProgress.Closed => texts.StatusClosed,
        TicketProgress.Reopened => texts.StatusReopened,
        _ => status.ToString(),
    };

    public static string ButtonTitle(string title) => OutgoingMessage.Clip(title, MaxButtonTitle);

    public static IReadOnlyList<MessageButton> MainMenu(BotTexts texts) =>
    [
        MessageButton.Show(texts.MenuAsk),
        MessageButton.Show(texts.MenuServices),
        MessageButton.Show(texts.MenuFeedback),
        MessageButton.Show(texts.MenuStatus),
        MessageButton.Show(texts.MenuHandoff),
    ];

    public static IReadOnlyList<MessageButton> MenuOnly(BotTexts texts) => [MessageButton.Show(texts.MenuButton)];

    public static IReadOnlyList<MessageButton> FeedbackOrStaff(BotTexts texts) =>
        [MessageButton.Show(texts.MenuFeedback), MessageButton.Show(texts.MenuHandoff)];

    public static string Key(TurnContext turn, string purpose) => purpose + ":" + turn.Activity.MessageId;
}
