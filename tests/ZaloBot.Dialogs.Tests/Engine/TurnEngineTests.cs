using Microsoft.Extensions.Logging;
using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Tests.Support;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Engine;

public class TurnEngineTests
{
    // Redeliveries no longer reach the engine: the web app's committer skips an event whose processed marker exists
    // (tested in ZaloBot.Web.Tests TurnCommitTests). What the engine owes the committer is purity, pinned here.
    [Test]
    public async Task RunTurnAsync_SameActivityOnSameState_SameStateRepliesAndEffects()
    {
        var t = new Transcript();
        await t.FillIntakeUpToConfirm();
        var stored = t.StateJson;
        var confirm = Activity.Message(t.UserId, "zalo-confirm-1", t.Time.GetUtcNow(), "Xác nhận gửi");

        var first = await t.RunOn(stored, confirm);
        var second = await t.RunOn(stored, confirm);

        Assert.That(BotStateSerializer.Serialize(second.NewState), Is.EqualTo(BotStateSerializer.Serialize(first.NewState)));
        Assert.That(second.Replies.Select(r => r.Text), Is.EqualTo(first.Replies.Select(r => r.Text)));
        Assert.That(second.Effects, Is.EqualTo(first.Effects).Using<TurnEffect>((a, b) => a.ToString() == b.ToString()));
        Assert.That(first.Effects.OfType<CreateTicket>().Count(), Is.EqualTo(1));
        Assert.That(t.Desk.Tickets, Is.Empty, "running a turn writes nothing");
    }

    [Test]
    public async Task RunTurnAsync_DialogThrows_EffectsOfTheFailedTurnAreDropped()
    {
        var t = new Transcript();
        var state = new BotState();
        var engine = new TurnEngine(new ThrowingBot(), t.Texts, t.Options, t.Time, [new ErrorHandlingMiddleware(t.Log)]);

        var result = await engine.RunTurnAsync(state, Activity.Message(t.UserId, "m1", t.Time.GetUtcNow(), "x"), CancellationToken.None);

        Assert.That(result.Effects, Is.Empty);
        Assert.That(result.Replies.Single().Text, Is.EqualTo(t.Texts.ErrorApology));
    }

    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            turn.Record(new RecordFaqVote(turn.Activity.UserId, "slug", true));
            throw new InvalidOperationException("dialog bug");
        }
    }

    [Test]
    public async Task RunTurnAsync_CallerState_IsNotModified()
    {
        var t = new Transcript();
        var state = new BotState();
        var before = BotStateSerializer.Serialize(state);

        var result = await t.Engine.RunTurnAsync(state, Activity.Message(t.UserId, "m1", t.Time.GetUtcNow(), "Gửi phản ánh"), CancellationToken.None);

        Assert.That(BotStateSerializer.Serialize(state), Is.EqualTo(before));
        Assert.That(result.NewState.Conversation.DialogStack, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RunTurnAsync_StateMidIntake_RoundTripsThroughJson()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");

        var json = t.StateJson;

        Assert.That(json, Does.Contain("\"dialogStack\""));
        Assert.That(json, Does.Contain("feedback-intake"));
        Assert.That(json, Does.Contain("\"categoryLabel\":\"Trật tự đô thị\""));
        Assert.That(BotStateSerializer.Serialize(BotStateSerializer.Deserialize(json)), Is.EqualTo(json));
    }

    [Test]
    public async Task ErrorHandling_RecognizerThrows_LogsApologisesAndResetsConversation()
    {
        var t = new Transcript();
        await t.Says("Gửi phản ánh");
        await t.Says("Trật tự đô thị");
        t.Recognizer.Override = _ => throw new InvalidOperationException("boom");

        // Mid-intake the recognizer only runs for short texts (cancel check): "Phường 9" triggers it.
        var replies = await t.Says("Phường 9");

        Assert.That(replies.Texts(), Is.EqualTo(new[] { t.Texts.ErrorApology }));
        Assert.That(t.State.Conversation.DialogStack, Is.Empty);
        Assert.That(t.Log.Entries, Has.Count.EqualTo(1));
        Assert.That(t.Log.Entries[0].Level, Is.EqualTo(LogLevel.Error));
        Assert.That(t.Log.Entries[0].Message, Does.Not.Contain("Phường"));
    }

    [Test]
    public async Task ErrorHandling_AfterReset_NextMessageWorksNormally()
    {
        var t = new Transcript();
        t.Recognizer.Override = _ => throw new InvalidOperationException("boom");
        await t.Says("khai sinh");
        t.Recognizer.Override = null;

        var replies = await t.Says("khai sinh");

        Assert.That(replies[0].Text, Does.Contain("giấy chứng sinh"));
    }

    [Test]
    public async Task RateLimit_FloodOverLimit_OneNoticeThenSilenceUntilWindowEnds()
    {
        var t = new Transcript();
        t.Options.RateLimitMaxMessages = 3;
        for (var i = 0; i < 3; i++)
        {
            Assert.That(await t.Says("alo"), Is.Not.Empty);
        }

        var notice = await t.Says("alo");
        var silent = await t.Says("alo");
        t.Wait(TimeSpan.FromMinutes(1));
        var again = await t.Says("alo");

        Assert.That(notice.Texts(), Is.EqualTo(new[] { t.Texts.RateLimited }));
        Assert.That(silent, Is.Empty);
        Assert.That(again[0].Text, Is.EqualTo(t.Texts.Welcome));
    }

    [Test]
    public void Constructor_InvalidOptions_Throws()
    {
        var t = new Transcript();
        t.Options.MaxPromptAttempts = 0;
        Assert.Throws<ArgumentException>(() => _ = t.Engine);
    }

    [Test]
    public async Task Middleware_CustomMiddleware_SeesActivityAndReplies()
    {
        var t = new Transcript();
        var seen = new List<string>();
        var engine = new TurnEngine(
            new ZaloBot.Dialogs.Conversations.CitizenBot(new ZaloBot.Dialogs.Ports.BotPorts(t.Desk, t.Staff, t.Faq), t.Recognizer),
            t.Texts,
            t.Options,
            t.Time,
            [new RecordingMiddleware(seen)]);

        await engine.RunTurnAsync(new BotState(), Activity.Message("u", "m1", t.Time.GetUtcNow(), "menu"), CancellationToken.None);

        Assert.That(seen, Is.EqualTo(new[] { "in:menu", "out:1" }));
    }

    private sealed class RecordingMiddleware(List<string> seen) : ITurnMiddleware
    {
        public async Task OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
        {
            seen.Add("in:" + turn.Activity.Text);
            await next(turn, cancellationToken);
            seen.Add("out:" + turn.Replies.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Test]
    public void Recognition_NoneDecision_TopLabelIsNone() =>
        Assert.That(new Recognition(RecognitionDecision.None, [new RecognitionCandidate("x", 0.1)]).TopLabel, Is.EqualTo("none"));

    [Test]
    public void Activity_JsonRoundTrip_KeepsEverything()
    {
        var activity = new Activity
        {
            Type = ActivityType.SubmittedInfo,
            UserId = "2468458835296197922",
            MessageId = "96d3cdf3af150460909",
            Timestamp = Transcript.Start,
            Attachments = [new MessageAttachment(AttachmentKind.Image, "https://zdn.vn/a.jpg")],
            Location = new GeoLocation(10.76, 106.66, "Q3"),
            SubmittedInfo = new SubmittedInfo("An", "84912345678", null),
        };

        var back = System.Text.Json.JsonSerializer.Deserialize<Activity>(System.Text.Json.JsonSerializer.Serialize(activity, BotStateSerializer.Options), BotStateSerializer.Options)!;

        Assert.That(back with { Attachments = activity.Attachments }, Is.EqualTo(activity));
        Assert.That(back.Attachments, Is.EqualTo(activity.Attachments));
    }
}
