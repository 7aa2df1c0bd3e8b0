using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Calendar;

/// <summary>
/// An exception to the Monday–Friday working week: a public holiday (Tết and other lunar holidays move
/// every year and the government sets the exact days off) or a compensatory working Saturday.
/// </summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    [MaxLength(200)]
    public required string Name { get; set; }
}
