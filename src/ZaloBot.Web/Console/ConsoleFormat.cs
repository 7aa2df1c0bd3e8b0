using System.Globalization;
using ZaloBot.Web.Calendar;

namespace ZaloBot.Web.Console;

/// <summary>Dates and durations as Vietnamese staff read them (local time UTC+7, dd/MM/yyyy).</summary>
public static class ConsoleFormat
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Time(DateTimeOffset instant) =>
        instant.ToOffset(WorkingDayCalendar.VietnamOffset).ToString("dd/MM/yyyy HH:mm", Vi);

    public static string Time(DateTimeOffset? instant) => instant is { } i ? Time(i) : "";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Vi);

    public static string Duration(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return "0 phút";
        }

        if (span.TotalDays >= 1)
        {
            return $"{(int)span.TotalDays} ngày {span.Hours} giờ";
        }

        return span.TotalHours >= 1 ? $"{(int)span.TotalHours} giờ {span.Minutes} phút" : $"{span.Minutes} phút";
    }

    public static string Number(double value) => value.ToString("0.0", Vi);
}
