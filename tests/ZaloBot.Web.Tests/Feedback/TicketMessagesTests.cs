using ZaloBot.Web.Feedback;

namespace ZaloBot.Web.Tests.Feedback;

public sealed class TicketMessagesTests
{
    [Test]
    public void RatingRequest_AnsweredTicket_HasFiveStarButtonsWithRatePayloads()
    {
        var payload = TicketMessages.RatingRequest("PA-2026-000123");

        Assert.That(payload.Buttons!.Select(b => b.Payload), Is.EqualTo(new[]
        {
            "#rate PA-2026-000123 5", "#rate PA-2026-000123 4", "#rate PA-2026-000123 3", "#rate PA-2026-000123 2", "#rate PA-2026-000123 1",
        }));
        Assert.That(payload.Buttons!.Select(b => b.Kind).Distinct(), Is.EqualTo(new[] { "query-show" }));
    }

    [Test]
    public void NotResolvedOffer_HasTheReopenButton()
    {
        var button = TicketMessages.NotResolvedOffer("PA-2026-000123").Buttons!.Single();
        Assert.That(button.Title, Is.EqualTo("Chưa được giải quyết"));
        Assert.That(button.Payload, Is.EqualTo("#reopen PA-2026-000123"));
    }

    [TestCase("#rate PA-2026-000123 5", "PA-2026-000123", 5)]
    [TestCase("#rate PA-2027-000001 1", "PA-2027-000001", 1)]
    public void TryParseRating_ButtonPayload_GivesCodeAndStars(string text, string code, int stars)
    {
        Assert.That(TicketMessages.TryParseRating(text, out var parsedCode, out var parsedStars), Is.True);
        Assert.That(parsedCode, Is.EqualTo(code));
        Assert.That(parsedStars, Is.EqualTo(stars));
    }

    [TestCase("#rate PA-2026-000123 6")]
    [TestCase("#rate PA-2026-000123 0")]
    [TestCase("#rate PA-2026-000123")]
    [TestCase("rate PA-2026-000123 5")]
    [TestCase("#reopen PA-2026-000123")]
    public void TryParseRating_NotARating_IsFalse(string text) =>
        Assert.That(TicketMessages.TryParseRating(text, out _, out _), Is.False);

    [Test]
    public void TryParseReopen_ButtonPayload_GivesCode()
    {
        Assert.That(TicketMessages.TryParseReopen("#reopen PA-2026-000123", out var code), Is.True);
        Assert.That(code, Is.EqualTo("PA-2026-000123"));
        Assert.That(TicketMessages.TryParseReopen("#reopen ", out _), Is.False);
    }
}
