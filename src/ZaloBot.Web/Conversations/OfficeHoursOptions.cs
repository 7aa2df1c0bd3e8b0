using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Conversations;

/// <summary>Section "Office": when staff answer live chats (local time in Vietnam); public holidays come from the calendar.</summary>
public sealed class OfficeHoursOptions
{
    public const string Section = "Office";

    /// <summary>Opening time on working days. Default 07:30, the usual start of public offices in Ho Chi Minh City.</summary>
    public TimeOnly Opens { get; set; } = new(7, 30);

    /// <summary>Closing time on working days. Default 17:00.</summary>
    public TimeOnly Closes { get; set; } = new(17, 0);
}
