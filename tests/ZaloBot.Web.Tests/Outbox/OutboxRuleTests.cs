using ZaloBot.Web.Inbound;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Api;

namespace ZaloBot.Web.Tests.Outbox;

public sealed class OutboxRuleTests
{
    [TestCase("2026-11-25T16:00:00Z", "2026-11-25T23:05:00Z")] // 23:00 in Hanoi → 06:05 next morning
    [TestCase("2026-11-25T22:30:00Z", "2026-11-25T23:05:00Z")] // 05:30 → 06:05 the same morning
    [TestCase("2026-11-25T23:10:00Z", "2026-11-26T23:05:00Z")] // 06:10 → the next day's 06:05
    public void NextMorning_NightBan_SixFiveVietnamTime(string now, string expected) =>
        Assert.That(OutboxSender.NextMorning(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void ReasonOf_Minus230_SaysOutsideTheSevenDayWindow() =>
        Assert.That(OutboxSender.ReasonOf(new ZaloError(ZaloErrorCategory.OutsideWindow, -230, "User has not interacted")),
            Is.EqualTo("outside the 7-day window: the citizen has not interacted with the OA in the past 7 days (-230)"));

    [Test]
    public void TurnKey_LongDedupeKey_StaysWithin200Characters()
    {
        var key = InboundProcessor.TurnKey(new string('k', 300), 3);

        Assert.That(key, Has.Length.LessThanOrEqualTo(200));
        Assert.That(key, Does.StartWith("turn:").And.EndWith(":3"));
        Assert.That(InboundProcessor.TurnKey("abc", 0), Is.EqualTo("turn:abc:0"));
    }
}
