using Microsoft.Extensions.Time.Testing;
using ZaloBot.Dialogs.Cchc;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Conversations;
using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Tests.Support;

namespace ZaloBot.Dialogs.Tests.Cchc;

/// <summary>
/// The chat side of the CCHC section and the business dialogue as pure turns (state carried as stored JSON): which words
/// route where, what is recorded, and what "tin mới" on a visit does.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CchcChatTests
{
    private readonly FakeTimeProvider _time = new(Transcript.Start);
    private readonly FakeCchcBoard _board = new();
    private readonly FakeDialogueBoard _dialogue = new();
    private readonly FakeStaffLinks _links = new();
    private readonly List<TurnEffect> _effects = [];
    private TurnEngine _engine = null!;
    private string _state = string.Empty;
    private int _message;

    [SetUp]
    public void SetUp()
    {
        var chat = new CchcChat(_board, _dialogue, _links, CchcTexts.Default, pageSize: 4);
        _engine = new TurnEngine(
            new CitizenBot(new BotPorts(new InMemoryFeedbackDesk(), new FakeStaffDesk(), new FakeFaqCatalog()), FakeRecognizer.Default(), chat),
            BotTexts.Default, new BotOptions(), _time,
            [new ErrorHandlingMiddleware(new ListLogger<ErrorHandlingMiddleware>()), new RateLimitMiddleware(), new CchcNewsOnVisit(_board, chat, 3)]);
    }

    [Test]
    public async Task UnsubscribeWords_ContainingTheSubscribePhrase_Unsubscribe()
    {
        _board.Subscribed = true;

        var reply = await SayAsync("hủy đăng ký nhận tin");

        Assert.That(reply[0].Text, Does.Contain("đã hủy nhận tin"));
        Assert.That(_effects, Is.EqualTo(new TurnEffect[] { new UnsubscribeCchc("user-1") }));
    }

    [Test]
    public async Task Stop_FromSomeoneNotSubscribed_IsLeftToTheBot()
    {
        var reply = await SayAsync("stop");

        Assert.That(reply[0].Text, Is.EqualTo(BotTexts.Default.NothingToCancel));
        Assert.That(_effects, Is.Empty);
    }

    [Test]
    public async Task Subscribe_Twice_RecordsOnce()
    {
        var first = await SayAsync("Cho mình đăng ký nhận tin nhé");
        _board.Subscribed = true;
        var second = await SayAsync("dang ky nhan tin");

        Assert.That(first[0].Text, Does.Contain("đã đăng ký nhận tin"));
        Assert.That(second[0].Text, Does.Contain("đã đăng ký nhận tin rồi"));
        Assert.That(_effects, Is.EqualTo(new TurnEffect[] { new SubscribeCchc("user-1") }));
    }

    [TestCase("có tin gì mới về dịch vụ công không")]
    [TestCase("TIN CCHC")]
    [TestCase("Tin cai cach hanh chinh")]
    public async Task NewsQuestions_ShowTheLatestPostsWithOpenUrlButtonsAndMore(string text)
    {
        _board.Add(6);

        var reply = await SayAsync(text);

        Assert.That(reply[0].Text, Does.Contain("1. Tin 6").And.Contain("4. Tin 3").And.Not.Contain("Tin 2"));
        Assert.That(reply[0].Buttons.Take(4).Select(b => b.Kind), Is.All.EqualTo(ButtonKind.OpenUrl));
        Assert.That(reply[0].Buttons[4], Is.EqualTo(MessageButton.Hidden("Xem thêm tin", "#cchc:more:4")));

        var more = await SayAsync("xem thêm");
        Assert.That(more[0].Text, Does.Contain("5. Tin 2").And.Contain("6. Tin 1"));
        Assert.That(more[0].Buttons.Select(b => b.Title), Is.EqualTo(new[] { "Đọc tin 5", "Đọc tin 6" }));
    }

    [Test]
    public async Task ThongTinMoi_InAnOrdinaryQuestion_IsNotTheNewsList()
    {
        _board.Add(1);

        var reply = await SayAsync("thủ tục cấp phép xây dựng có thông tin mới không");

        Assert.That(string.Join("\n", reply.Select(r => r.Text)), Does.Not.Contain("Tin cải cách hành chính mới nhất"));
    }

    [Test]
    public async Task NewPostsOnVisit_ToldOnceAfterTheAnswer_NeverMidFlow()
    {
        _board.Subscribed = true;
        _board.Add(2);
        _board.Unseen = [.. _board.Posts];

        // Since issue 13 "menu" keeps an open intake (it re-asks under "Tiếp tục gửi phản ánh?"), so the flow ends only
        // when the citizen cancels it; the notice follows the answer of the turn that ends the flow, and only once.
        var start = await SayAsync("Gửi phản ánh");
        var menu = await SayAsync("menu");
        var cancel = await SayAsync("hủy");
        var again = await SayAsync("xin chào");

        Assert.That(Texts(start), Does.Not.Contain("tin cải cách hành chính mới"), "never in the middle of a flow");
        Assert.That(Texts(menu), Does.Not.Contain("tin cải cách hành chính mới"), "menu inside an open intake is still mid-flow");
        Assert.That(Texts(cancel), Does.StartWith("Đã hủy").And.Contain("Có 2 tin cải cách hành chính mới").And.Contain("1. Tin 2"));
        Assert.That(Texts(again), Does.Not.Contain("tin cải cách hành chính mới"), "told once");
        Assert.That(_effects.OfType<RecordCchcSeen>().Single().PostIds, Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public async Task StaffLinkCode_Valid_RecordsTheLinkEvenMidFlow_InvalidIsRefused()
    {
        _links.Codes["LK-AB12CD34"] = new StaffLinkView("staff-1", "Lê Phường Một");
        await SayAsync("Gửi phản ánh");

        var bad = await SayAsync("LK-AB12CD35");
        var good = await SayAsync("lk ab12cd34");

        Assert.That(bad[0].Text, Does.Contain("không đúng hoặc đã hết hạn"));
        Assert.That(good[0].Text, Does.Contain("Lê Phường Một"));
        Assert.That(_effects, Is.EqualTo(new TurnEffect[] { new LinkStaffAccount("user-1", "LK-AB12CD34") }));
        Assert.That(good, Has.Count.GreaterThan(1), "the running intake is asked again");
    }

    [Test]
    public async Task DialogueRegistration_WrongTaxCodeAskedAgain_ContactOnlyWithConsent()
    {
        _dialogue.Sessions.Add(new DialogueSessionView(7, "Đối thoại quý IV", Transcript.Start.AddDays(10), "Hội trường", null, "Thuế", DateOnly.FromDateTime(Transcript.Start.AddDays(5).DateTime)));

        var list = await SayAsync("đăng ký đối thoại");
        await SayAsync(list[0].Buttons.Single(b => b.Title == "Đăng ký buổi 1").Payload);
        await SayAsync("Hộ kinh doanh Cơm tấm Bàn Cờ");
        await SayAsync("Ăn uống");
        var wrong = await SayAsync("123");
        await SayAsync("bỏ qua");
        await SayAsync("bỏ qua");
        var registered = await SayAsync("Xác nhận đăng ký");

        Assert.That(wrong[0].Text, Does.Contain("gồm 10 chữ số"));
        Assert.That(registered[0].Text, Does.Contain("Đã đăng ký cho Hộ kinh doanh Cơm tấm Bàn Cờ"));
        var effect = _effects.OfType<RegisterForDialogue>().Single();
        Assert.That((effect.SessionId, effect.TaxCode, effect.ContactPhone, effect.ConsentText), Is.EqualTo((7L, (string?)null, (string?)null, (string?)null)),
            "no contact given: no contact kept and no consent recorded");
    }

    [Test]
    public async Task DialogueWords_WithNoSessionOpen_AreLeftToTheFaq()
    {
        var reply = await SayAsync("hội nghị đối thoại doanh nghiệp của quận tổ chức khi nào");

        Assert.That(Texts(reply), Does.Not.Contain("đang nhận đăng ký"));
        Assert.That(_effects.OfType<RecordUnansweredQuestion>(), Is.Not.Empty, "the recognizer had its turn");
    }

    [TestCase("theo dõi tin tức của quận và phường ở đâu")]
    [TestCase("đọc Bản tin Quận 3 ở đâu")]
    public async Task QuestionsAboutTheDistrictsNewsChannels_AreNotASubscriptionOrTheList(string text)
    {
        _board.Add(1);

        var reply = await SayAsync(text);

        Assert.That(_effects.OfType<SubscribeCchc>(), Is.Empty);
        Assert.That(Texts(reply), Does.Not.Contain("Tin cải cách hành chính mới nhất"));
    }

    private async Task<IReadOnlyList<OutgoingMessage>> SayAsync(string text)
    {
        _time.Advance(Transcript.ThinkingTime);
        var result = await _engine.RunTurnAsync(BotStateSerializer.Deserialize(_state), Activity.Message("user-1", "m" + ++_message, _time.GetUtcNow(), text), CancellationToken.None);
        _state = BotStateSerializer.Serialize(result.NewState);
        _effects.AddRange(result.Effects);
        foreach (var seen in result.Effects.OfType<RecordCchcSeen>())
        {
            _board.Unseen.RemoveAll(p => seen.PostIds.Contains(p.Id));
        }

        return result.Replies;
    }

    private static string Texts(IEnumerable<OutgoingMessage> messages) => string.Join("\n", messages.Select(m => m.Text));

    private sealed class FakeCchcBoard : ICchcBoard
    {
        public List<CchcPostView> Posts { get; } = [];

        public List<CchcPostView> Unseen { get; set; } = [];

        public bool Subscribed { get; set; }

        public void Add(int count)
        {
            for (var i = 1; i <= count; i++)
            {
                Posts.Insert(0, new CchcPostView(i, "Tin " + i, "Tóm tắt " + i, new Uri("https://zalo.quan3.test/cchc/" + i), Transcript.Start.AddHours(i)));
            }
        }

        public Task<IReadOnlyList<CchcPostView>> LatestAsync(int skip, int take, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CchcPostView>>([.. Posts.Skip(skip).Take(take)]);

        public Task<bool> IsSubscribedAsync(string zaloUserId, CancellationToken cancellationToken) => Task.FromResult(Subscribed);

        public Task<IReadOnlyList<CchcPostView>> UnseenAsync(string zaloUserId, int max, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CchcPostView>>(Subscribed ? [.. Unseen.Take(max)] : []);
    }

    private sealed class FakeDialogueBoard : IDialogueBoard
    {
        public List<DialogueSessionView> Sessions { get; } = [];

        public Task<IReadOnlyList<DialogueSessionView>> OpenSessionsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DialogueSessionView>>(Sessions);

        public Task<DialogueSessionView?> FindOpenSessionAsync(long sessionId, CancellationToken cancellationToken) =>
            Task.FromResult(Sessions.FirstOrDefault(s => s.Id == sessionId));

        public Task<bool> IsRegisteredAsync(string zaloUserId, long sessionId, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    private sealed class FakeStaffLinks : IStaffLinkDesk
    {
        public Dictionary<string, StaffLinkView> Codes { get; } = [];

        public Task<StaffLinkView?> FindByCodeAsync(string code, CancellationToken cancellationToken) => Task.FromResult(Codes.GetValueOrDefault(code));
    }
}
