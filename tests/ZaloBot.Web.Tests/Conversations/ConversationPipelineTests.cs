using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Dialogs.Content;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Conversations;

/// <summary>The real pipeline: signed webhook → stream → worker → dialog turn → outbox → fake Zalo, with tickets in PostgreSQL.</summary>
public sealed class ConversationPipelineTests
{
    private const string Description = "Vỉa hè trước số 12 Võ Văn Tần bị lấn chiếm để bán hàng suốt ba tháng nay.";

    [Test]
    public async Task FeedbackIntake_ThroughTheWebhook_CreatesOneTicketAndTellsTheCitizenItsCode()
    {
        await using var world = await PipelineWorld.StartAsync();
        var (database, fake, client) = (world.Database, world.Fake, world.Client);
        const string user = "8000000000000000001";

        var category = await SayAsync(client, fake, user, "Gửi phản ánh");
        await SayAsync(client, fake, user, "1");
        await SayAsync(client, fake, user, "9");
        await SayAsync(client, fake, user, Description);
        // Issue 13: no photo and location questions any more; "bỏ qua" skips the contact question.
        var summary = await SayAsync(client, fake, user, "bỏ qua");
        var confirmId = Guid.NewGuid().ToString("N");
        var created = await SayAsync(client, fake, user, "Xác nhận gửi", confirmId);
        // Zalo re-delivers the confirmation (same msg_id): nothing happens twice.
        await ZaloEvents.PostAsync(client, ZaloEvents.UserText(user, confirmId, "Xác nhận gửi"));
        var myTickets = await SayAsync(client, fake, user, "tra cứu phản ánh");

        await using var db = database.CreateContext();
        var ticket = await db.Tickets.Include(t => t.Ward).Include(t => t.Category).SingleAsync();
        Assert.That(category[0], Does.Contain("lĩnh vực"));
        Assert.That(summary[0], Does.Contain("Phường 9").And.Contain(Description));
        Assert.That(ticket.Code, Does.Match(@"^PA-\d{4}-000001$"));
        Assert.That(ticket.Ward!.Code, Is.EqualTo("phuong-9"));
        Assert.That(ticket.Category!.Code, Is.EqualTo("thu-tuc-hanh-chinh"));
        Assert.That(ticket.Text, Is.EqualTo(Description));
        Assert.That(ticket.Status, Is.EqualTo(TicketStatus.Received));
        Assert.That(created[0], Does.Contain("Mã phản ánh: " + ticket.Code));
        Assert.That(string.Join("\n", myTickets), Does.Contain(ticket.Code).And.Not.Contain("sự cố"));
        Assert.That(await db.TicketEvents.CountAsync(e => e.TicketId == ticket.Id && e.Kind == TicketEventKind.Created), Is.EqualTo(1));
        Assert.That(await db.Transcript.CountAsync(t => t.ZaloUserId == user), Is.GreaterThanOrEqualTo(16));
    }

    [Test]
    public async Task Question_Unaccented_GetsTheFaqAnswerAndAnUnknownQuestionIsLogged()
    {
        await using var world = await PipelineWorld.StartAsync();
        var (database, fake, client) = (world.Database, world.Fake, world.Client);
        const string user = "8000000000000000002";

        var answer = await SayAsync(client, fake, user, "dang ky ket hon can giay to gi vay ad");
        var unknown = await SayAsync(client, fake, user, "giá vàng hôm nay bao nhiêu");

        await using var db = database.CreateContext();
        Assert.That(answer[0], Does.Contain("kết hôn"));
        Assert.That(unknown, Is.Not.Empty);
        Assert.That(await db.UnansweredQuestions.Select(q => q.Text).ToListAsync(), Is.EqualTo(new[] { "giá vàng hôm nay bao nhiêu" }));
    }

    [Test]
    public async Task StaffAnswers_CitizenTapsTheRatingButton_RatingIsStoredOnTheirTicket()
    {
        await using var world = await PipelineWorld.StartAsync();
        const string user = "8000000000000000003";
        var office = new StaffActor("office-1", "Cán bộ văn phòng", SeesAllTickets: true, UnitId: null, CanEditTickets: true);
        string code;
        await using (var scope = world.Host.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<StaffTicketDesk>();
            var intake = await scope.ServiceProvider.GetRequiredService<TicketIntakeDesk>().CreateAsync(new TicketRequest("seed-msg-1", user, "ve-sinh-moi-truong", Description, "phuong-1"), CancellationToken.None);
            code = intake.Code;
            foreach (var status in new[] { TicketStatus.Accepted, TicketStatus.InProgress, TicketStatus.Answered })
            {
                var version = await world.Database.CreateContext().Tickets.Where(t => t.Id == intake.TicketId).Select(t => t.Version).SingleAsync();
                var changed = await desk.ChangeStatusAsync(office, intake.TicketId, version, status, null, CancellationToken.None);
                Assert.That(changed.Succeeded, Is.True, changed.Code.ToString());
            }
        }

        // The satisfaction request reaches Zalo with hidden buttons; the citizen taps "4 ⭐" (Zalo sends its payload as text).
        // It is the last of four notifications on the paced lane: on a machine at load 50 that took more than 10 s, so
        // the test waits on the condition itself, with a bound (60 s) that only a real failure reaches.
        var request = await Eventually.TrueAsync(() => world.Fake.State.GetMessages(user).Any(m => m.Buttons.Count == 5), Generous);
        Assert.That(request, Is.True, "the satisfaction request reaches the citizen");
        var rateButton = world.Fake.State.GetMessages(user).Single(m => m.Buttons.Count == 5).Buttons[3];
        using var response = await ZaloEvents.PostAsync(world.Client, ZaloEvents.UserText(user, Guid.NewGuid().ToString("N"),
            System.Text.Json.JsonSerializer.Deserialize<string>(rateButton.Payload)!));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));

        // Waiting for "any new message" raced with a late notification: wait for the thanks itself, then read the rating.
        var thanks = BotTexts.Default.Fill(BotTexts.Default.RatingThanks, ("stars", 4), ("code", code));
        var thanked = await Eventually.TrueAsync(() => world.Fake.State.GetMessages(user).Any(m => m.Text == thanks), Generous);
        await using var db = world.Database.CreateContext();
        Assert.That(thanked, Is.True, "the citizen is thanked for the rating");
        Assert.That((await db.Tickets.SingleAsync(t => t.Code == code)).Rating, Is.EqualTo(4));
    }

    /// <summary>A bound for waiting on a condition that only a real failure reaches, even at a load average of 50.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    /// <summary>Posts a signed text event and waits until the bot's replies to it have reached the fake Zalo API.</summary>
    private static async Task<List<string>> SayAsync(HttpClient client, FakeZaloServer fake, string user, string text, string? msgId = null)
    {
        var before = fake.State.GetMessages(user).Count;
        using var response = await ZaloEvents.PostAsync(client, ZaloEvents.UserText(user, msgId ?? Guid.NewGuid().ToString("N"), text));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"webhook refused '{text}'");
        var arrived = await Eventually.TrueAsync(() => fake.State.GetMessages(user).Count > before, TimeSpan.FromSeconds(10));
        Assert.That(arrived, Is.True, $"no reply to '{text}'");
        // Let the rest of a multi-message reply arrive.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        return fake.State.GetMessages(user).Skip(before).Select(m => m.Text ?? "").ToList();
    }
}
