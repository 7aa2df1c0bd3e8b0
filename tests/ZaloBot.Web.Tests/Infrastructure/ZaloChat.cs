using ZaloBot.Zalo.Fake;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>A simulated citizen: signed webhook events in, the bot's replies read back at the fake Zalo API.</summary>
public sealed class ZaloChat(HttpClient webhook, FakeZaloServer fake)
{
    /// <summary>Posts a signed text event and waits until the bot's replies to it have reached the fake Zalo API.</summary>
    public async Task<List<FakeZaloSentMessage>> SayAsync(string user, string text, string? msgId = null)
    {
        var before = fake.State.GetMessages(user).Count;
        using var response = await ZaloEvents.PostAsync(webhook, ZaloEvents.UserText(user, msgId ?? Guid.NewGuid().ToString("N"), text));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"webhook refused '{text}'");
        var arrived = await Eventually.TrueAsync(() => fake.State.GetMessages(user).Count > before, TimeSpan.FromSeconds(15));
        Assert.That(arrived, Is.True, $"no reply to '{text}'");
        // Let the rest of a multi-message reply arrive.
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        return [.. fake.State.GetMessages(user).Skip(before)];
    }

    /// <summary>Everything the citizen has received so far.</summary>
    public IReadOnlyList<FakeZaloSentMessage> Received(string user) => fake.State.GetMessages(user);
}
