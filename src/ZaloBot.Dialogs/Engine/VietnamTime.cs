namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// The one place for local time: Vietnam has used UTC+7 all year, without daylight saving, since 1975, so it is a
/// constant rather than a setting. The bot's dates, office hours, deadlines, reports and the console all read it here.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The instant as a Vietnam wall-clock time.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The Vietnam calendar date of an instant.</summary>
    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>The instant of a Vietnam date and wall-clock time.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);
}
