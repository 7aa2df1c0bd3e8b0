using ZaloBot.Web.Calendar;

namespace ZaloBot.Web.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    // Days off as decided by the government (same as content/organisation.yaml).
    private static readonly WorkingDayCalendar Calendar = new(
    [
        Holiday(2026, 1, 1),
        Holiday(2026, 2, 16), Holiday(2026, 2, 17), Holiday(2026, 2, 18), Holiday(2026, 2, 19), Holiday(2026, 2, 20),
        Holiday(2027, 1, 1),
        Holiday(2027, 2, 4), Holiday(2027, 2, 5), Holiday(2027, 2, 8), Holiday(2027, 2, 9), Holiday(2027, 2, 10),
        // A compensatory working Saturday (as in 2024 and 2025 when a bridge day was given off).
        new CalendarDay { Date = new DateOnly(2027, 2, 20), Kind = CalendarDayKind.WorkingDay, Name = "Làm bù" },
    ]);

    [Test]
    public void AddWorkingDays_FridayBeforeTet2026_SkipsTheTetWeekAndWeekends()
    {
        // Fri 13/02/2026 + 7 working days: 16–20/02 are Tết, so 23, 24, 25, 26, 27/02, 02/03, 03/03.
        Assert.That(Calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 7), Is.EqualTo(new DateOnly(2026, 3, 3)));
    }

    [Test]
    public void AddWorkingDays_ReceivedDuringTet2026_CountsFromTheFirstWorkingDayAfter()
    {
        // Received on Tết Wednesday 18/02/2026: 1 working day later is Monday 23/02.
        Assert.That(Calendar.AddWorkingDays(new DateOnly(2026, 2, 18), 1), Is.EqualTo(new DateOnly(2026, 2, 23)));
        Assert.That(Calendar.AddWorkingDays(new DateOnly(2026, 2, 18), 10), Is.EqualTo(new DateOnly(2026, 3, 6)));
    }

    [Test]
    public void AddWorkingDays_WednesdayBeforeTet2027_SkipsThuFriAndMonToWed()
    {
        // Wed 03/02/2027 + 3: 04, 05/02 (Thu, Fri) and 08–10/02 are off → 11, 12, 15/02.
        Assert.That(Calendar.AddWorkingDays(new DateOnly(2027, 2, 3), 3), Is.EqualTo(new DateOnly(2027, 2, 15)));
    }

    [Test]
    public void AddWorkingDays_OverACompensatorySaturday_CountsThatSaturday()
    {
        // Fri 19/02/2027 + 1: Saturday 20/02/2027 is a working day.
        Assert.That(Calendar.AddWorkingDays(new DateOnly(2027, 2, 19), 1), Is.EqualTo(new DateOnly(2027, 2, 20)));
        Assert.That(Calendar.AddWorkingDays(new DateOnly(2027, 2, 19), 2), Is.EqualTo(new DateOnly(2027, 2, 22)));
    }

    [Test]
    public void AddWorkingDays_SaturdayReceipt_FirstDayIsMonday()
    {
        Assert.That(Calendar.AddWorkingDays(new DateOnly(2026, 3, 7), 1), Is.EqualTo(new DateOnly(2026, 3, 9)));
    }

    [Test]
    public void AddWorkingDays_Zero_IsTheDayOfReceipt()
    {
        Assert.That(Calendar.AddWorkingDays(new DateOnly(2026, 2, 17), 0), Is.EqualTo(new DateOnly(2026, 2, 17)));
    }

    [Test]
    public void AddWorkingDays_NewYearsDay2026_IsSkipped()
    {
        // Wed 31/12/2025 + 1: Thu 01/01/2026 is a holiday → Fri 02/01.
        Assert.That(Calendar.AddWorkingDays(new DateOnly(2025, 12, 31), 1), Is.EqualTo(new DateOnly(2026, 1, 2)));
    }

    [Test]
    public void IsWorkingDay_TetHolidayWeekdayAndOrdinaryDays_AsDecided()
    {
        Assert.That(Calendar.IsWorkingDay(new DateOnly(2026, 2, 17)), Is.False);
        Assert.That(Calendar.IsWorkingDay(new DateOnly(2026, 2, 23)), Is.True);
        Assert.That(Calendar.IsWorkingDay(new DateOnly(2026, 2, 21)), Is.False);
        Assert.That(Calendar.IsWorkingDay(new DateOnly(2027, 2, 20)), Is.True);
    }

    [Test]
    public void WorkingDaysBetween_AcrossTet2026_CountsOnlyWorkingDays()
    {
        Assert.That(Calendar.WorkingDaysBetween(new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 27)), Is.EqualTo(5));
        Assert.That(Calendar.WorkingDaysBetween(new DateOnly(2026, 2, 27), new DateOnly(2026, 2, 13)), Is.EqualTo(-5));
    }

    [Test]
    public void LocalDate_LateEveningUtc_IsNextDayInVietnam()
    {
        Assert.That(WorkingDayCalendar.LocalDate(new DateTimeOffset(2026, 2, 12, 18, 30, 0, TimeSpan.Zero)), Is.EqualTo(new DateOnly(2026, 2, 13)));
    }

    private static CalendarDay Holiday(int year, int month, int day) =>
        new() { Date = new DateOnly(year, month, day), Kind = CalendarDayKind.Holiday, Name = "Nghỉ lễ" };
}
