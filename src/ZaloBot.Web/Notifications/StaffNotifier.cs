using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Notifications;

/// <summary>
/// Derives staff e-mails from the record and sends them: a unit's users are told when a ticket is routed or forwarded to
/// it (ticket events Created/Assigned, read once in id order through a cursor), the day before an open ticket falls due,
/// and once a day a digest of their unit's open, overdue and soon-due tickets. Each mail has a unique key, so a re-run or a
/// second instance never sends it twice; users who opted out, are inactive or have no address get nothing.
/// With StaffZalo:Enabled, staff who linked their Zalo account also get the assigned and due notices on Zalo, as outbox rows
/// keyed "staff-zalo:{notice}:{user}" (once each), only while Zalo's free 48-hour window of their Zalo account is open
/// (zalo-oa-api.md §5: beyond it a message is billed, beyond 7 days refused), unless they turned Zalo notices off.
/// </summary>
public sealed class StaffNotifier(
    ZaloBotDbContext db, TimeProvider time, IOptions<MailOptions> options, IOptions<StaffZaloOptions> zaloOptions, MailTexts texts, ILogger<StaffNotifier> logger)
{
    /// <summary>One instance at a time derives mails ("ZBMAIL" in ASCII), under a transaction-scoped advisory lock.</summary>
    private const long LockKey = 0x5A424D41494C;

    private const string Cursor = "assignments";

    /// <summary>Queues the mails due now; returns how many were queued.</summary>
    public async Task<int> QueueAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = (await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").ToListAsync(cancellationToken)).Single();
        if (!locked)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var today = WorkingDayCalendar.LocalDate(now);
        var recipients = await (
                from u in db.Users.AsNoTracking()
                where u.IsActive && u.UnitId != null && u.Email != null
                    && !db.Set<StaffNotificationSetting>().Any(s => s.UserId == u.Id && s.EmailOptOut)
                select new { u.Id, u.Email, UnitId = u.UnitId!.Value, Unit = u.Unit!.Name })
            .ToListAsync(cancellationToken);
        var byUnit = recipients.ToLookup(r => r.UnitId);
        var mails = new List<StaffMail>();
        var zalo = zaloOptions.Value.Enabled ? await ZaloRecipientsAsync(now, cancellationToken) : Enumerable.Empty<ZaloRecipient>().ToLookup(r => r.UnitId);
        var zaloNotices = new List<OutboundMessage>();

        // 1. Routed or forwarded to a unit: every new event since the cursor (the first run starts from now, not history).
        var cursor = await db.Set<NotificationCursor>().SingleOrDefaultAsync(c => c.Name == Cursor, cancellationToken);
        if (cursor is null)
        {
            cursor = new NotificationCursor { Name = Cursor, LastEventId = await db.TicketEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0 };
            db.Add(cursor);
        }

        var events = await db.TicketEvents.AsNoTracking()
            .Where(e => e.Id > cursor.LastEventId && (e.Kind == TicketEventKind.Created || e.Kind == TicketEventKind.Assigned) && e.UnitId != null)
            .OrderBy(e => e.Id).Take(500)
            .Select(e => new { e.Id, UnitId = e.UnitId!.Value, e.Ticket!.Code, e.Ticket.Text, Category = e.Ticket.Category!.Name, e.Ticket.DueDate })
            .ToListAsync(cancellationToken);
        foreach (var e in events)
        {
            foreach (var r in byUnit[e.UnitId])
            {
                var values = Values(r.Unit, e.Code, e.Category, e.DueDate, ("text", e.Text.Length > 500 ? e.Text[..500] + "…" : e.Text));
                mails.Add(Mail($"assigned:{e.Id}:{r.Id}", r.Id, r.Email!, texts.AssignedSubject, texts.AssignedBody, now, values));
            }

            zaloNotices.AddRange(zalo[e.UnitId].Select(r => ZaloNotice($"assigned:{e.Id}", r, texts.ZaloAssigned, now, Values(r.Unit, e.Code, e.Category, e.DueDate))));
        }

        if (events.Count > 0)
        {
            cursor.LastEventId = events[^1].Id;
        }

        // 2. Due tomorrow and still open.
        var tomorrow = today.AddDays(1);
        var dueTomorrow = await db.Tickets.AsNoTracking()
            .Where(t => t.DueDate == tomorrow && t.UnitId != null && TicketWorkflow.Open.Contains(t.Status))
            .Select(t => new { t.Id, UnitId = t.UnitId!.Value, t.Code, Category = t.Category!.Name, t.DueDate })
            .ToListAsync(cancellationToken);
        foreach (var t in dueTomorrow)
        {
            foreach (var r in byUnit[t.UnitId])
            {
                mails.Add(Mail($"due:{t.Id}:{t.DueDate:yyyyMMdd}:{r.Id}", r.Id, r.Email!, texts.DueSubject, texts.DueBody, now, Values(r.Unit, t.Code, t.Category, t.DueDate)));
            }

            zaloNotices.AddRange(zalo[t.UnitId].Select(r => ZaloNotice($"due:{t.Id}:{t.DueDate:yyyyMMdd}", r, texts.ZaloDue, now, Values(r.Unit, t.Code, t.Category, t.DueDate))));
        }

        // 3. The daily digest per unit, after the configured local hour, for units with open tickets.
        if (VietnamTime.Local(now).Hour >= options.Value.DigestHour)
        {
            var soon = today.AddDays(2);
            var counts = await db.Tickets.AsNoTracking()
                .Where(t => t.UnitId != null && TicketWorkflow.Open.Contains(t.Status))
                .GroupBy(t => t.UnitId!.Value)
                .Select(g => new { UnitId = g.Key, Open = g.Count(), Overdue = g.Count(t => t.DueDate < today), Soon = g.Count(t => t.DueDate >= today && t.DueDate <= soon) })
                .ToListAsync(cancellationToken);
            foreach (var c in counts)
            {
                foreach (var r in byUnit[c.UnitId])
                {
                    mails.Add(Mail($"digest:{c.UnitId}:{today:yyyyMMdd}:{r.Id}", r.Id, r.Email!, texts.DigestSubject, texts.DigestBody, now,
                    [
                        ("unit", r.Unit), ("date", today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)),
                        ("open", c.Open), ("overdue", c.Overdue), ("soon", c.Soon), ("link", Link("/console/tickets")),
                    ]));
                }
            }
        }

        var keys = mails.Select(m => m.IdempotencyKey).ToList();
        var existing = (await db.Set<StaffMail>().Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken)).ToHashSet();
        // Without Mail:Enabled (the worker runs for the Zalo notices alone) nothing is mailed, so nothing is queued for mail.
        var fresh = options.Value.Enabled ? mails.Where(m => !existing.Contains(m.IdempotencyKey)).DistinctBy(m => m.IdempotencyKey).ToList() : [];
        db.AddRange(fresh);
        var zaloKeys = zaloNotices.Select(m => m.IdempotencyKey).ToList();
        var zaloExisting = (await db.OutboundMessages.Where(m => zaloKeys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken)).ToHashSet();
        var freshZalo = zaloNotices.Where(m => !zaloExisting.Contains(m.IdempotencyKey)).DistinctBy(m => m.IdempotencyKey).ToList();
        db.OutboundMessages.AddRange(freshZalo);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return fresh.Count + freshZalo.Count;
    }

    /// <summary>Sends queued mail over one SMTP connection; a failure is kept on the row and retried on the next poll.</summary>
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var queued = await db.Set<StaffMail>().Where(m => m.State == StaffMailState.Queued).OrderBy(m => m.Id).Take(100).ToListAsync(cancellationToken);
        if (queued.Count == 0)
        {
            return 0;
        }

        var sent = 0;
        foreach (var mail in queued)
        {
            mail.Attempts++;
        }

        using var smtp = new SmtpClient();
        try
        {
            // 30 s per SMTP command: a slow relay must not hold the worker for long; the rest waits for the next poll.
            smtp.Timeout = 30_000;
            await smtp.ConnectAsync(o.Host ?? "localhost", o.Port, o.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(o.Username))
            {
                await smtp.AuthenticateAsync(o.Username, o.Password ?? "", cancellationToken);
            }

            foreach (var mail in queued)
            {
                var message = new MimeMessage();
                message.From.Add(MailboxAddress.Parse(o.From));
                message.To.Add(MailboxAddress.Parse(mail.ToAddress));
                message.Subject = mail.Subject;
                message.Body = new TextPart("plain") { Text = mail.Body };
                await smtp.SendAsync(message, cancellationToken);
                mail.State = StaffMailState.Sent;
                mail.SentAt = time.GetUtcNow();
                mail.Error = null;
                sent++;
            }

            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Staff mail: SMTP failed after {Sent} sent: {Error}", sent, ex.GetType().Name);
            foreach (var mail in queued.Where(m => m.State == StaffMailState.Queued))
            {
                mail.Error = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                mail.State = mail.Attempts >= o.MaxAttempts ? StaffMailState.Failed : StaffMailState.Queued;
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return sent;
    }

    private (string Name, object? Value)[] Values(string unit, string code, string category, DateOnly due, params (string Name, object? Value)[] more) =>
    [
        ("unit", unit), ("code", code), ("category", category), ("due", due.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)),
        ("link", Link("/console/tickets?q=" + Uri.EscapeDataString(code))), .. more,
    ];

    /// <summary>Linked staff of each unit whose Zalo notices are on and whose free window is open now.</summary>
    private async Task<ILookup<int, ZaloRecipient>> ZaloRecipientsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var freeSince = now - ReplyWindow.Free;
        var rows = await (
                from l in db.Set<StaffZaloLink>().AsNoTracking()
                join u in db.Users.AsNoTracking() on l.UserId equals u.Id
                join c in db.Citizens.AsNoTracking() on l.ZaloUserId equals c.ZaloUserId
                where l.ZaloUserId != null && !l.OptOut && u.IsActive && u.UnitId != null && c.LastInteractionAt > freeSince
                select new ZaloRecipient(u.Id, l.ZaloUserId!, u.UnitId!.Value, u.Unit!.Name))
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.UnitId);
    }

    private OutboundMessage ZaloNotice(string notice, ZaloRecipient to, string template, DateTimeOffset now, (string Name, object? Value)[] values)
    {
        var link = values.First(v => v.Name == "link").Value as string ?? Link("/console/tickets");
        var payload = new OutboxPayload(Dialogs.Engine.OutgoingMessage.Clip(MailTexts.Fill(template, values)), [new OutboxButton(texts.ZaloButton, "open-url", link)]);
        return payload.ToOutbound(to.ZaloUserId, $"staff-zalo:{notice}:{to.UserId}", OutboundPriority.Notification, now);
    }

    private sealed record ZaloRecipient(string UserId, string ZaloUserId, int UnitId, string Unit);

    private string Link(string path) => options.Value.ConsoleBaseUrl.TrimEnd('/') + path;

    private static StaffMail Mail(string key, string userId, string to, string subject, string body, DateTimeOffset now, (string Name, object? Value)[] values) => new()
    {
        IdempotencyKey = key, UserId = userId, ToAddress = to, Subject = MailTexts.Fill(subject, values), Body = MailTexts.Fill(body, values),
        State = StaffMailState.Queued, CreatedAt = now,
    };
}
