using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Notifications;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Notifications;

/// <summary>
/// Staff e-mails through MailKit to a local SMTP sink, from a real database: a ticket forwarded to Phường 1 mails its
/// users once (not the user who opted out), the day before the due date mails a reminder, the digest goes once a day.
/// </summary>
public sealed class StaffNotifierTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Test]
    public async Task Notices_AssignedDueTomorrowAndDigest_EachMailedOnceToTheUnitsUsersWhoDidNotOptOut()
    {
        // Thursday 16/07/2026 06:00 local: before the 07:00 digest hour.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 16, 6, 0, 0, Vn).ToUniversalTime());
        await using var world = await ConsoleWorld.CreateAsync(time);
        await world.AddUserAsync("p1-second@q3.test", "Võ Phường Một B", StaffRoles.Unit, "phuong-1");
        await world.AddUserAsync("p1-quiet@q3.test", "Đỗ Không Nhận Thư", StaffRoles.Unit, "phuong-1");
        await using var sink = new SmtpSink();
        var options = Options.Create(new MailOptions { Enabled = true, Host = "127.0.0.1", Port = sink.Port, UseStartTls = false, ConsoleBaseUrl = "https://zalo.quan3.test" });

        await using var scope = world.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var quiet = await db.Users.SingleAsync(u => u.Email == "p1-quiet@q3.test");
        db.Add(new StaffNotificationSetting { UserId = quiet.Id, EmailOptOut = true });
        await db.SaveChangesAsync();
        var notifier = new StaffNotifier(db, time, options, Options.Create(new StaffZaloOptions()), scope.ServiceProvider.GetRequiredService<MailTexts>(), NullLogger<StaffNotifier>.Instance);
        Assert.That(await notifier.QueueAsync(CancellationToken.None), Is.Zero, "the first run starts from now, not from history");

        var intake = await world.CreateTicketAsync("Đèn đường hỏng trước số 12 Trần Quốc Thảo.");
        var desk = scope.ServiceProvider.GetRequiredService<StaffTicketDesk>();
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == intake.TicketId);
        var phuong1 = await db.OrgUnits.Where(u => u.Code == "phuong-1").Select(u => u.Id).SingleAsync();
        var office = new StaffActor("office", "Văn phòng", SeesAllTickets: true, UnitId: null, CanEditTickets: true);
        Assert.That((await desk.AssignAsync(office, ticket.Id, ticket.Version, phuong1, null, CancellationToken.None)).Outcome, Is.EqualTo(TicketActionOutcome.Done));

        Assert.That(await notifier.QueueAsync(CancellationToken.None), Is.EqualTo(2));
        Assert.That(await notifier.SendAsync(CancellationToken.None), Is.EqualTo(2));
        Assert.That(await notifier.QueueAsync(CancellationToken.None), Is.Zero, "a second run mails nothing new");
        Assert.That(sink.Messages.Select(m => m.To), Is.EquivalentTo(new[] { ConsoleWorld.Ward1, "p1-second@q3.test" }));
        var mail = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(sink.Messages.First().Data)));
        Assert.That(mail.Subject, Is.EqualTo($"[ZaloBot Quận 3] Phản ánh {intake.Code} được chuyển đến đơn vị"));
        Assert.That(mail.TextBody, Does.Contain("Kính gửi Phường 1").And.Contain($"https://zalo.quan3.test/console/tickets?q={intake.Code}"));

        // The day before the due date, after the digest hour: a reminder and the digest, each once.
        time.SetUtcNow(new DateTimeOffset(intake.DueDate.AddDays(-1).ToDateTime(new TimeOnly(8, 0)), Vn).ToUniversalTime());
        Assert.That(await notifier.QueueAsync(CancellationToken.None), Is.EqualTo(4));
        Assert.That(await notifier.QueueAsync(CancellationToken.None), Is.Zero);
        Assert.That(await notifier.SendAsync(CancellationToken.None), Is.EqualTo(4));
        var subjects = sink.Messages.Skip(2).Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))).Subject).ToList();
        Assert.That(subjects.Count(s => s!.StartsWith($"[ZaloBot Quận 3] Phản ánh {intake.Code} đến hạn xử lý", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(subjects.Count(s => s!.StartsWith("[ZaloBot Quận 3] Tình hình phản ánh của Phường 1", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(sink.Messages.Select(m => m.To), Has.None.EqualTo("p1-quiet@q3.test"));
    }

    [Test]
    public async Task AccountPage_TurnOffEmailNotices_IsStoredAndAudited()
    {
        await using var world = await ConsoleWorld.CreateAsync();
        using var client = await world.SignInAsync(ConsoleWorld.Ward1);
        var token = await ConsoleWorld.GetFormTokenAsync(client, "/console/account");

        using var response = await client.PostAsync("/console/account", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect));
        Assert.That(await client.GetStringAsync("/console/account"), Does.Contain("Bạn sẽ không nhận thư thông báo qua e-mail nữa."));
        await using var db = world.Database.CreateContext();
        var userId = await db.Users.Where(u => u.Email == ConsoleWorld.Ward1).Select(u => u.Id).SingleAsync();
        Assert.That(await db.Set<StaffNotificationSetting>().SingleAsync(s => s.UserId == userId), Has.Property("EmailOptOut").True);
        Assert.That(await db.AuditEntries.CountAsync(a => a.Action == "account.email-notices" && a.Detail == "off"), Is.EqualTo(1));
    }

    [Test]
    public async Task Send_SmtpDown_KeepsTheMailQueuedWithTheError()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 16, 6, 0, 0, Vn).ToUniversalTime());
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        db.Add(new StaffMail { IdempotencyKey = "k", UserId = "u", ToAddress = "a@q3.test", Subject = "s", Body = "b", CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync();
        int closedPort;
        await using (var sink = new SmtpSink())
        {
            closedPort = sink.Port;
        }

        var notifier = new StaffNotifier(db, time, Options.Create(new MailOptions { Host = "127.0.0.1", Port = closedPort, UseStartTls = false }),
            Options.Create(new StaffZaloOptions()), MailTexts.Load(Path.Combine(AppContext.BaseDirectory, "content")), NullLogger<StaffNotifier>.Instance);

        Assert.That(await notifier.SendAsync(CancellationToken.None), Is.Zero);
        var row = await db.Set<StaffMail>().AsNoTracking().SingleAsync();
        Assert.That(row.State, Is.EqualTo(StaffMailState.Queued));
        Assert.That(row.Attempts, Is.EqualTo(1));
        Assert.That(row.Error, Is.Not.Null);
    }
}
