using System.Globalization;
using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Web.Console;

/// <summary>Dates and numbers as Vietnamese staff read them (local time UTC+7, dd/MM/yyyy); durations are <see cref="ConsoleTexts.Duration"/>.</summary>
public static class ConsoleFormat
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Time(DateTimeOffset instant) =>
        VietnamTime.Local(instant).ToString("dd/MM/yyyy HH:mm", Vi);

    public static string Time(DateTimeOffset? instant) => instant is { } i ? Time(i) : "";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Vi);

    public static string Number(double value) => value.ToString("0.0", Vi);
}
