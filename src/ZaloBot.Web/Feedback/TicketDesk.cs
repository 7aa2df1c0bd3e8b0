using Microsoft.EntityFrameworkCore;
using Npgsql;
using ZaloBot.Dialogs.Conversations;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Feedback;

/// <summary>
/// The ticket rules in one place, used by the bot (create, list, rate, reopen) and by the console (staff actions).
/// Every change writes a <see cref="TicketEvent"/> (the audit trail) and, when the citizen must hear about it, a queued
/// <see cref="OutboundMessage"/> in the same SaveChanges/transaction (transactional outbox). Staff actions carry the
/// ticket's xmin as loaded on the page: if someone changed it since, the action is refused with a conflict.
/// </summary>
public sealed class TicketDesk(ZaloBotDbContext db, CitizenNotices notices, TicketMessages messages, TimeProvider time)
{
    public const string CitizenActor = "Công dân (Zalo)";

    /// <summary>Postgres unique_violation.</summary>
    private const string UniqueViolation = "23505";

    /// <summary>
    /// Creates the ticket for an intake, once per <see cref="NewTicket.SourceMessageId"/>: a repeated or concurrent call
    /// with the same key returns the existing ticket. The code comes from the per-year counter, the unit from the category,
    /// the due date from the working-day calendar.
    /// </summary>
    public async Task<TicketIntake> CreateAsync(NewTicket request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SourceMessageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ZaloUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Text);

        if (await FindIntakeAsync(request.SourceMessageId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var category = await db.FeedbackCategories.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Code == request.CategoryCode && c.IsActive, cancellationToken)
            ?? throw new ArgumentException($"Unknown or inactive feedback category '{request.CategoryCode}'.", nameof(request));
        int? wardId = null;
        if (!string.IsNullOrEmpty(request.WardCode))
        {
            wardId = await db.OrgUnits.Where(u => u.Code == request.WardCode && u.Kind == OrgUnitKind.Ward)
                .Select(u => (int?)u.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ArgumentException($"Unknown ward '{request.WardCode}'.", nameof(request));
        }

        var unitId = category.DefaultUnitId ?? await db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Office)
            .OrderBy(u => u.SortOrder).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);

        var now = time.GetUtcNow();
        var received = WorkingDayCalendar.LocalDate(now);
        var calendar = await LoadCalendarAsync(received, cancellationToken);
        var due = calendar.AddWorkingDays(received, category.DeadlineWorkingDays);
        var citizenId = await EnsureCitizenAsync(request.ZaloUserId, now, cancellationToken);
        var consented = request.ConsentRecordId is { } consentId && await db.ConsentRecords
            .AnyAsync(c => c.Id == consentId && c.CitizenId == citizenId && c.WithdrawnAt == null, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The row lock taken by the upsert serialises concurrent intakes of the same year; a losing duplicate
            // rolls back, so its number is never used and codes have no gaps.
            var sequence = (await db.Database.SqlQuery<int>($"""
                INSERT INTO ticket_code_counters (year, last_value) VALUES ({received.Year}, 1)
                ON CONFLICT (year) DO UPDATE SET last_value = ticket_code_counters.last_value + 1
                RETURNING last_value AS "Value"
                """).ToListAsync(cancellationToken)).Single();
            var ticket = new FeedbackTicket
            {
                Code = FormatCode(received.Year, sequence),
                Year = received.Year,
                Sequence = sequence,
                Status = TicketStatus.Received,
                CategoryId = category.Id,
                WardId = wardId,
                UnitId = unitId,
                CitizenId = citizenId,
                Text = request.Text.Trim(),
                Latitude = request.Latitude,
                Longitude = request.Longitude,
                LocationAddress = request.LocationAddress,
                ContactName = consented ? request.ContactName : null,
                ContactPhone = consented ? request.ContactPhone : null,
                ConsentRecordId = consented ? request.ConsentRecordId : null,
                CreatedAt = now,
                UpdatedAt = now,
                DueDate = due,
                SourceMessageId = request.SourceMessageId,
            };
            ticket.Events.Add(new TicketEvent
            {
                Kind = TicketEventKind.Created,
                ActorName = CitizenActor,
                At = now,
                ToStatus = TicketStatus.Received,
                UnitId = unitId,
            });
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(cancellationToken);

            if (request.AttachmentIds is { Count: > 0 } ids)
            {
                await db.Attachments.Where(a => ids.Contains(a.Id) && a.ZaloUserId == request.ZaloUserId && a.TicketId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.TicketId, ticket.Id), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return new TicketIntake(ticket.Id, ticket.Code, ticket.DueDate, Created: true);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await FindIntakeAsync(request.SourceMessageId, cancellationToken)
                ?? throw new InvalidOperationException("Ticket intake conflicted but no ticket exists for the source message.", ex);
        }
    }

    /// <summary>The citizen's tickets, newest first (for "tra cứu phản ánh" in the chat).</summary>
    public async Task<IReadOnlyList<CitizenTicket>> ListForCitizenAsync(string zaloUserId, int take, CancellationToken cancellationToken)
    {
        var rows = await Project(db.Tickets.AsNoTracking().Where(t => t.Citizen!.ZaloUserId == zaloUserId)
            .OrderByDescending(t => t.CreatedAt).Take(take)).ToListAsync(cancellationToken);
        return rows.Select(ToCitizenTicket).ToList();
    }

    /// <summary>One ticket by code, only if it belongs to this Zalo user (another user's code gives null, as an unknown code does).</summary>
    public async Task<CitizenTicket?> FindForCitizenAsync(string zaloUserId, string code, CancellationToken cancellationToken)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var row = await Project(db.Tickets.AsNoTracking().Where(t => t.Citizen!.ZaloUserId == zaloUserId && t.Code == normalised))
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToCitizenTicket(row);
    }

    /// <summary>The citizen tapped a rating button ("#rate CODE n"). Only answered or closed tickets of this user; the last rating counts.</summary>
    public async Task<TicketActionResult> RateByCitizenAsync(string zaloUserId, string code, int stars, CancellationToken cancellationToken)
    {
        if (stars is < 1 or > 5)
        {
            return TicketActionResult.Invalid("Điểm đánh giá phải từ 1 đến 5.");
        }

        var ticket = await CitizenTicketForUpdateAsync(zaloUserId, code, cancellationToken);
        if (ticket is null)
        {
            return TicketActionResult.NotFound;
        }

        if (ticket.Status is not (TicketStatus.Answered or TicketStatus.Closed))
        {
            return TicketActionResult.Invalid("Phản ánh chưa được trả lời nên chưa thể đánh giá.");
        }

        var now = time.GetUtcNow();
        ticket.Rating = stars;
        Touch(ticket, now);
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, Kind = TicketEventKind.Rated, ActorName = CitizenActor, At = now, Text = $"{stars}/5" });
        return await SaveAsync("Cảm ơn Ông/Bà đã đánh giá.", cancellationToken);
    }

    /// <summary>The citizen tapped "Chưa được giải quyết" ("#reopen CODE"): the ticket goes back to "in progress" for the unit.</summary>
    public async Task<TicketActionResult> ReopenByCitizenAsync(string zaloUserId, string code, CancellationToken cancellationToken)
    {
        var ticket = await CitizenTicketForUpdateAsync(zaloUserId, code, cancellationToken);
        if (ticket is null)
        {
            return TicketActionResult.NotFound;
        }

        if (ticket.Status is not (TicketStatus.Answered or TicketStatus.Closed))
        {
            return TicketActionResult.Invalid("Phản ánh đang được xử lý.");
        }

        Reopen(ticket, CitizenActor, null, "Công dân báo chưa được giải quyết.", time.GetUtcNow());
        return await SaveAsync("Phản ánh đã được mở lại.", cancellationToken);
    }

    /// <summary>Moves the ticket along the workflow (<see cref="TicketWorkflow"/>) and tells the citizen.</summary>
    public async Task<TicketActionResult> ChangeStatusAsync(StaffActor actor, long ticketId, uint version, TicketStatus to, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (ticket, failure) = await LoadForStaffAsync(actor, ticketId, version, cancellationToken);
        if (ticket is null)
        {
            return failure!;
        }

        if (!TicketWorkflow.CanMove(ticket.Status, to))
        {
            return TicketActionResult.Invalid($"Không thể chuyển từ \"{TicketWorkflow.Label(ticket.Status)}\" sang \"{TicketWorkflow.Label(to)}\".");
        }

        reason = reason?.Trim();
        if (TicketWorkflow.NeedsReason(to) && string.IsNullOrEmpty(reason))
        {
            return TicketActionResult.Invalid("Vui lòng nêu rõ lý do.");
        }

        var now = time.GetUtcNow();
        var from = ticket.Status;
        var zaloUserId = await db.Citizens.Where(c => c.Id == ticket.CitizenId).Select(c => c.ZaloUserId).SingleAsync(cancellationToken);
        ApplyStatus(ticket, to, reason, now);
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id, Kind = TicketEventKind.StatusChanged, ActorUserId = actor.UserId, ActorName = actor.Name, At = now,
            FromStatus = from, ToStatus = to, Text = string.IsNullOrEmpty(reason) ? null : reason,
        });
        EnqueueStatusNotification(ticket, zaloUserId, to, reason, version, now);
        return await SaveAsync($"Đã chuyển trạng thái sang \"{TicketWorkflow.Label(to)}\".", cancellationToken);
    }

    /// <summary>Forwards the ticket to a department or ward (or back to the office) with a note for them.</summary>
    public async Task<TicketActionResult> AssignAsync(StaffActor actor, long ticketId, uint version, int unitId, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (ticket, failure) = await LoadForStaffAsync(actor, ticketId, version, cancellationToken);
        if (ticket is null)
        {
            return failure!;
        }

        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId && u.IsActive, cancellationToken);
        if (unit is null)
        {
            return TicketActionResult.Invalid("Đơn vị không hợp lệ.");
        }

        if (!TicketWorkflow.IsOpen(ticket.Status))
        {
            return TicketActionResult.Invalid("Chỉ chuyển được phản ánh đang xử lý.");
        }

        var now = time.GetUtcNow();
        ticket.UnitId = unit.Id;
        Touch(ticket, now);
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id, Kind = TicketEventKind.Assigned, ActorUserId = actor.UserId, ActorName = actor.Name, At = now,
            UnitId = unit.Id, Text = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });
        return await SaveAsync($"Đã chuyển cho {unit.Name}.", cancellationToken);
    }

    /// <summary>An internal note: staff only, never sent to the citizen. Does not change the ticket, so it never conflicts.</summary>
    public async Task<TicketActionResult> AddNoteAsync(StaffActor actor, long ticketId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(text))
        {
            return TicketActionResult.Invalid("Ghi chú trống.");
        }

        if (!await actor.Visible(db.Tickets).AnyAsync(t => t.Id == ticketId, cancellationToken) || !actor.CanEditTickets)
        {
            return TicketActionResult.NotFound;
        }

        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticketId, Kind = TicketEventKind.Note, ActorUserId = actor.UserId, ActorName = actor.Name, At = time.GetUtcNow(), Text = text.Trim(),
        });
        return await SaveAsync("Đã thêm ghi chú nội bộ.", cancellationToken);
    }

    /// <summary>
    /// A reply to the citizen: stored as a Reply event and queued in the outbox in one transaction (idempotency key
    /// "reply:{replyKey}", the form's one-time key, so a double submit sends once). With <paramref name="markAnswered"/>
    /// the ticket also becomes "answered" and the citizen is asked for a rating.
    /// </summary>
    public async Task<TicketActionResult> ReplyAsync(StaffActor actor, long ticketId, uint version, string text, Guid replyKey, bool markAnswered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(text))
        {
            return TicketActionResult.Invalid("Nội dung trả lời trống.");
        }

        var (ticket, failure) = await LoadForStaffAsync(actor, ticketId, version, cancellationToken);
        if (ticket is null)
        {
            return failure!;
        }

        var now = time.GetUtcNow();
        var citizen = await db.Citizens.AsNoTracking().SingleAsync(c => c.Id == ticket.CitizenId, cancellationToken);
        if (!new ReplyWindow(citizen.LastInteractionAt, now).IsOpen)
        {
            return TicketActionResult.WindowClosed;
        }

        if (markAnswered && !TicketWorkflow.CanMove(ticket.Status, TicketStatus.Answered))
        {
            return TicketActionResult.Invalid($"Không thể đánh dấu \"Đã trả lời\" khi phản ánh đang ở trạng thái \"{TicketWorkflow.Label(ticket.Status)}\".");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var outbound = messages.Reply(ticket.Code, text.Trim())
                .ToOutbound(citizen.ZaloUserId, $"reply:{replyKey:N}", OutboundPriority.Interactive, now, ticket.Id);
            db.OutboundMessages.Add(outbound);
            Touch(ticket, now);
            var from = ticket.Status;
            if (markAnswered)
            {
                ApplyStatus(ticket, TicketStatus.Answered, null, now);
                EnqueueStatusNotification(ticket, citizen.ZaloUserId, TicketStatus.Answered, null, version, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.TicketEvents.Add(new TicketEvent
            {
                TicketId = ticket.Id, Kind = TicketEventKind.Reply, ActorUserId = actor.UserId, ActorName = actor.Name, At = now,
                Text = text.Trim(), OutboundMessageId = outbound.Id,
                FromStatus = markAnswered ? from : null, ToStatus = markAnswered ? TicketStatus.Answered : null,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TicketActionResult.Done(markAnswered ? "Đã gửi trả lời và chuyển sang \"Đã trả lời\"." : "Đã gửi trả lời.");
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return TicketActionResult.Conflict;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            // The same form was submitted twice: the first submit already queued this reply.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return TicketActionResult.Done("Trả lời này đã được gửi.");
        }
    }

    /// <summary>Records a phone call with the citizen (used when Zalo's window has closed).</summary>
    public async Task<TicketActionResult> RecordPhoneCallAsync(StaffActor actor, long ticketId, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(summary))
        {
            return TicketActionResult.Invalid("Vui lòng ghi tóm tắt cuộc gọi.");
        }

        if (!actor.CanEditTickets || !await actor.Visible(db.Tickets).AnyAsync(t => t.Id == ticketId, cancellationToken))
        {
            return TicketActionResult.NotFound;
        }

        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticketId, Kind = TicketEventKind.PhoneCall, ActorUserId = actor.UserId, ActorName = actor.Name, At = time.GetUtcNow(), Text = summary.Trim(),
        });
        return await SaveAsync("Đã ghi nhận cuộc gọi.", cancellationToken);
    }

    /// <summary>Staff reopen an answered, closed, rejected or transferred ticket (back to "in progress").</summary>
    public async Task<TicketActionResult> ReopenAsync(StaffActor actor, long ticketId, uint version, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (ticket, failure) = await LoadForStaffAsync(actor, ticketId, version, cancellationToken);
        if (ticket is null)
        {
            return failure!;
        }

        if (!TicketWorkflow.CanReopen(ticket.Status))
        {
            return TicketActionResult.Invalid("Phản ánh đang mở, không cần mở lại.");
        }

        var now = time.GetUtcNow();
        var zaloUserId = await db.Citizens.Where(c => c.Id == ticket.CitizenId).Select(c => c.ZaloUserId).SingleAsync(cancellationToken);
        Reopen(ticket, actor.Name, actor.UserId, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
        db.OutboundMessages.Add(messages.Reopened(ticket.Code)
            .ToOutbound(zaloUserId, $"ticket:{ticket.Id}:reopened:{version}", OutboundPriority.Notification, now, ticket.Id));
        return await SaveAsync("Đã mở lại phản ánh.", cancellationToken);
    }

    public static string FormatCode(int year, int sequence) => $"PA-{year}-{sequence:D6}";

    /// <summary>The holidays and compensatory days from the day of receipt on (a deadline never spans more than a few months).</summary>
    public async Task<WorkingDayCalendar> LoadCalendarAsync(DateOnly from, CancellationToken cancellationToken)
    {
        var until = from.AddDays(400);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= until).ToListAsync(cancellationToken);
        return new WorkingDayCalendar(days);
    }

    private void Reopen(FeedbackTicket ticket, string actorName, string? actorUserId, string? reason, DateTimeOffset now)
    {
        var from = ticket.Status;
        ticket.Status = TicketStatus.InProgress;
        ticket.ClosedAt = null;
        ticket.AnsweredAt = null;
        ticket.RejectionReason = null;
        Touch(ticket, now);
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id, Kind = TicketEventKind.Reopened, ActorUserId = actorUserId, ActorName = actorName, At = now,
            FromStatus = from, ToStatus = TicketStatus.InProgress, Text = reason,
        });
    }

    /// <summary>
    /// Marks the ticket as updated even when no column value changed (two actions in the same clock tick), so that
    /// SaveChanges always issues the UPDATE … WHERE xmin = @loaded that detects a concurrent change.
    /// </summary>
    private void Touch(FeedbackTicket ticket, DateTimeOffset now)
    {
        ticket.UpdatedAt = now;
        db.Entry(ticket).Property(t => t.UpdatedAt).IsModified = true;
    }

    private void ApplyStatus(FeedbackTicket ticket, TicketStatus to, string? reason, DateTimeOffset now)
    {
        ticket.Status = to;
        Touch(ticket, now);
        switch (to)
        {
            case TicketStatus.Answered:
                ticket.AnsweredAt = now;
                break;
            case TicketStatus.Closed:
                ticket.ClosedAt = now;
                break;
            case TicketStatus.Rejected:
            case TicketStatus.Transferred:
                ticket.RejectionReason = reason;
                ticket.ClosedAt = now;
                break;
        }
    }

    /// <summary>Status notifications have lower priority than interactive replies; the key includes the xmin the change was based on, so each change notifies once.</summary>
    private void EnqueueStatusNotification(FeedbackTicket ticket, string zaloUserId, TicketStatus to, string? reason, uint basedOnVersion, DateTimeOffset now)
    {
        var key = $"ticket:{ticket.Id}:status:{to}:{basedOnVersion}";
        if (messages.StatusChanged(ticket.Code, to, reason) is { } payload)
        {
            db.OutboundMessages.Add(payload.ToOutbound(zaloUserId, key, OutboundPriority.Notification, now, ticket.Id));
        }

        if (to == TicketStatus.Answered)
        {
            // The 1–5 rating and "chưa được giải quyết": texts and hidden button commands belong to the dialog engine,
            // which handles the taps whatever the conversation is doing.
            var request = notices.SatisfactionRequest(ticket.Code).SelectMany(OutboxPayload.FromReply).ToList();
            for (var i = 0; i < request.Count; i++)
            {
                db.OutboundMessages.Add(request[i].ToOutbound(zaloUserId, $"{key}:{i}", OutboundPriority.Notification, now, ticket.Id));
            }
        }
    }

    private async Task<(FeedbackTicket? Ticket, TicketActionResult? Failure)> LoadForStaffAsync(StaffActor actor, long ticketId, uint version, CancellationToken cancellationToken)
    {
        var ticket = actor.CanEditTickets
            ? await actor.Visible(db.Tickets).SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken)
            : null;
        if (ticket is null)
        {
            return (null, TicketActionResult.NotFound);
        }

        if (ticket.Version != version)
        {
            return (null, TicketActionResult.Conflict);
        }

        return (ticket, null);
    }

    private async Task<TicketActionResult> SaveAsync(string message, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return TicketActionResult.Done(message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return TicketActionResult.Conflict;
        }
    }

    private Task<FeedbackTicket?> CitizenTicketForUpdateAsync(string zaloUserId, string code, CancellationToken cancellationToken)
    {
        var normalised = code.Trim().ToUpperInvariant();
        return db.Tickets.Where(t => t.Code == normalised && t.Citizen!.ZaloUserId == zaloUserId).SingleOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<CitizenTicketRow> Project(IQueryable<FeedbackTicket> tickets) =>
        tickets.Select(t => new CitizenTicketRow(
                t.Code, t.Status, t.Category!.Name, t.Text, t.CreatedAt, t.DueDate, t.AnsweredAt, t.Rating,
                t.Events.Where(e => e.Kind == TicketEventKind.Reply).OrderByDescending(e => e.At).Select(e => e.Text).FirstOrDefault()));

    private static CitizenTicket ToCitizenTicket(CitizenTicketRow r) =>
        new(r.Code, r.Status, TicketWorkflow.Label(r.Status), r.CategoryName, r.Text, r.CreatedAt, r.DueDate, r.AnsweredAt, r.LatestReply, r.Rating);

    private async Task<TicketIntake?> FindIntakeAsync(string sourceMessageId, CancellationToken cancellationToken) =>
        await db.Tickets.AsNoTracking().Where(t => t.SourceMessageId == sourceMessageId)
            .Select(t => new TicketIntake(t.Id, t.Code, t.DueDate, false)).SingleOrDefaultAsync(cancellationToken);

    private async Task<long> EnsureCitizenAsync(string zaloUserId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await CitizenDirectory.GetOrCreateAsync(db, zaloUserId, now, cancellationToken)).Id;

    private sealed record CitizenTicketRow(
        string Code, TicketStatus Status, string CategoryName, string Text, DateTimeOffset CreatedAt, DateOnly DueDate,
        DateTimeOffset? AnsweredAt, int? Rating, string? LatestReply);
}
