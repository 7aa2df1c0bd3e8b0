using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Conversations;
using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Tests.Support;

/// <summary>
/// The test adapter: a citizen talks to the engine turn by turn. State is carried between turns as
/// the JSON the web app would store, so every transcript also proves the state serialises. Like the
/// web app's committer, it applies each turn's effects to the in-memory desks and fills the receipt.
/// </summary>
internal sealed class Transcript
{
    /// <summary>Wednesday 25/11/2026, 09:00 in Vietnam.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private TurnEngine? _engine;
    private int _messageCounter;

    private readonly string _idPrefix;

    public Transcript(string userId = "user-1", string idPrefix = "msg")
    {
        UserId = userId;
        _idPrefix = idPrefix;
    }

    public string UserId { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryFeedbackDesk Desk { get; } = new();

    public FakeStaffDesk Staff { get; } = new();

    public FakeCitizenSignals Signals { get; } = new();

    public FakeFaqCatalog Faq { get; } = new();

    public FakeRecognizer Recognizer { get; set; } = FakeRecognizer.Default();

    public BotOptions Options { get; } = new();

    public BotTexts Texts => BotTexts.Default;

    public ListLogger<ErrorHandlingMiddleware> Log { get; } = new();

    public string StateJson { get; set; } = string.Empty;

    public BotState State => BotStateSerializer.Deserialize(StateJson);

    public TurnEngine Engine => _engine ??= new TurnEngine(
        new CitizenBot(new BotPorts(Desk, Staff, Faq), Recognizer),
        Texts,
        Options,
        Time,
        [new ErrorHandlingMiddleware(Log), new RateLimitMiddleware()]);

    public Activity LastActivity { get; private set; } = null!;

    /// <summary>A citizen needs a few seconds to read and answer; keeps long transcripts under the flood limit.</summary>
    public static readonly TimeSpan ThinkingTime = TimeSpan.FromSeconds(5);

    public Task<IReadOnlyList<OutgoingMessage>> Says(string text) =>
        Send(Activity.Message(UserId, NextId(), Time.GetUtcNow(), text));

    public Task<IReadOnlyList<OutgoingMessage>> SendsImages(params string[] urls) =>
        Send(NewActivity(ActivityType.Message) with { Attachments = urls.Select(u => new MessageAttachment(AttachmentKind.Image, u)).ToList() });

    public Task<IReadOnlyList<OutgoingMessage>> SendsLocation(double latitude, double longitude) =>
        Send(NewActivity(ActivityType.Message) with { Location = new GeoLocation(latitude, longitude, null) });

    public Task<IReadOnlyList<OutgoingMessage>> SubmitsInfo(string? name, string? phone) =>
        Send(NewActivity(ActivityType.SubmittedInfo) with { SubmittedInfo = new SubmittedInfo(name, phone, null) });

    public Task<IReadOnlyList<OutgoingMessage>> Event(ActivityType type) => Send(NewActivity(type));

    public async Task<IReadOnlyList<OutgoingMessage>> Send(Activity activity)
    {
        Time.Advance(ThinkingTime);
        LastActivity = activity;
        var result = await Engine.RunTurnAsync(BotStateSerializer.Deserialize(StateJson), activity, CancellationToken.None);
        StateJson = BotStateSerializer.Serialize(result.NewState);
        return Apply(result);
    }

    /// <summary>Applies a turn's effects the way the committer does and returns its replies as sent.</summary>
    public IReadOnlyList<OutgoingMessage> Apply(TurnResult result)
    {
        var replies = result.Replies;
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case CreateTicket create:
                    replies = TicketReceipt.Fill(Texts, replies, Desk.CreateTicket(create.Ticket, create.Key));
                    break;
                case RateTicket rate:
                    Desk.Rate(rate.Code, rate.Stars);
                    break;
                case ReopenTicket reopen:
                    Desk.Reopen(reopen.Code);
                    break;
                case RequestHandoff handoff:
                    Staff.Requests.Add(handoff.Request);
                    break;
                case EndHandoff end:
                    Staff.Ended.Add(end.ZaloUserId);
                    break;
                case RecordFaqVote vote:
                    Signals.Votes.Add((vote.Slug, vote.Helpful));
                    break;
                case RecordUnansweredQuestion question:
                    Signals.Unanswered.Add(question.Question);
                    break;
                case RecordDeletionRequest deletion:
                    Signals.DeletionRequests.Add(deletion.ZaloUserId);
                    break;
                case UnsubscribeCchc unsubscribe:
                    Signals.CchcUnsubscribed.Add(unsubscribe.ZaloUserId);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown effect {effect.GetType().Name}");
            }
        }

        return replies;
    }

    /// <summary>Runs a turn on a given stored state without keeping the result (a losing concurrent run).</summary>
    public async Task<TurnResult> RunOn(string stateJson, Activity activity) =>
        await Engine.RunTurnAsync(BotStateSerializer.Deserialize(stateJson), activity, CancellationToken.None);

    public void Wait(TimeSpan duration) => Time.Advance(duration);

    /// <summary>Walks the intake up to the summary: category, ward, description, no photos, no location, typed phone.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> FillIntakeUpToConfirm()
    {
        await Says("Gửi phản ánh");
        await Says("Trật tự đô thị");
        await Says("Phường 9");
        await Says("Vỉa hè trước số 12 Trần Quốc Thảo bị lấn chiếm suốt 3 tháng nay");
        return await Says("0912 345 678");
    }

    private Activity NewActivity(ActivityType type) => new()
    {
        Type = type,
        UserId = UserId,
        MessageId = NextId(),
        Timestamp = Time.GetUtcNow(),
    };

    private string NextId() => _idPrefix + "-" + UserId + "-" + (++_messageCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
