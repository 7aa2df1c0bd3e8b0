using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Ticket;

/// <summary>
/// One ticket: what the citizen wrote, photos, location, consented contact, transcript, timeline, deliveries, and the
/// actions. Actions go through <see cref="StaffTicketDesk"/> with the xmin the page was rendered with; on a conflict the page
/// shows the latest state and keeps what the user typed.
/// </summary>
public sealed class IndexModel(ZaloBotDbContext db, StaffTicketDesk desk, TicketTexts texts, TimeProvider time) : PageModel
{
    public View? Ticket { get; private set; }

    public IReadOnlyList<EventRow> Events { get; private set; } = [];

    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];

    public IReadOnlyList<TranscriptEntry> Transcript { get; private set; } = [];

    public IReadOnlyList<OutboundRow> Deliveries { get; private set; } = [];

    public IReadOnlyList<ReplyTemplate> Templates { get; private set; } = [];

    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];

    public ReplyWindow Window { get; private set; }

    public DateOnly Today => Calendar.WorkingDayCalendar.LocalDate(Window.Now);

    public string? Error { get; private set; }

    /// <summary>What the user typed, kept when an action is refused so nothing is lost.</summary>
    public string? Draft { get; private set; }

    public Guid ReplyKey { get; private set; } = Guid.NewGuid();

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(long id, uint version, CancellationToken cancellationToken) =>
        RunAsync(id, null, actor => desk.ChangeStatusAsync(actor, id, version, TicketStatus.Accepted, null, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostStatusAsync(long id, uint version, TicketStatus to, string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, reason, actor => desk.ChangeStatusAsync(actor, id, version, to, reason, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(long id, uint version, int unitId, string? note, CancellationToken cancellationToken)
    {
        var result = await RunAsync(id, note, actor => desk.AssignAsync(actor, id, version, unitId, note, cancellationToken), cancellationToken);
        var actor = StaffActor.From(User);
        // A department or ward that forwards a ticket elsewhere can no longer see it: back to their queue.
        return result is RedirectToPageResult && !actor.SeesAllTickets && actor.UnitId != unitId ? RedirectToPage("/Tickets/Index") : result;
    }

    public Task<IActionResult> OnPostNoteAsync(long id, string text, CancellationToken cancellationToken) =>
        RunAsync(id, text, actor => desk.AddNoteAsync(actor, id, text, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(long id, uint version, string text, Guid replyKey, bool markAnswered, CancellationToken cancellationToken) =>
        RunAsync(id, text, actor => desk.ReplyAsync(actor, id, version, text, replyKey, markAnswered, cancellationToken), cancellationToken, replyKey);

    public Task<IActionResult> OnPostPhoneCallAsync(long id, string text, CancellationToken cancellationToken) =>
        RunAsync(id, text, actor => desk.RecordPhoneCallAsync(actor, id, text, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(long id, uint version, string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, reason, actor => desk.ReopenAsync(actor, id, version, reason, cancellationToken), cancellationToken);

    private async Task<IActionResult> RunAsync(long id, string? draft, Func<StaffActor, Task<TicketActionResult>> action, CancellationToken cancellationToken, Guid? replyKey = null)
    {
        var result = await action(StaffActor.From(User));
        switch (result.Outcome)
        {
            case TicketActionOutcome.Done:
                TempData["Flash"] = texts.Message(result);
                return RedirectToPage(new { id });
            case TicketActionOutcome.NotFound:
                return NotFound();
            default:
                db.ChangeTracker.Clear();
                if (!await LoadAsync(id, cancellationToken))
                {
                    return NotFound();
                }

                Error = texts.Message(result);
                Draft = draft;
                // After a conflict the reply may be sent again on purpose (the first attempt sent nothing): keep its key
                // only for "window closed"/"invalid", where a retry of the same text is the same reply.
                if (replyKey is { } key && result.Outcome != TicketActionOutcome.Conflict)
                {
                    ReplyKey = key;
                }

                Response.StatusCode = result.Outcome == TicketActionOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
                return Page();
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(User);
        CanEdit = actor.CanEditTickets;
        Ticket = await actor.Visible(db.Tickets.AsNoTracking()).Where(t => t.Id == id)
            .Select(t => new View(
                t.Id, t.Code, t.Status, t.Version, t.Text, t.Category!.Name, t.Ward!.Name, t.UnitId, t.Unit!.Name,
                t.Latitude, t.Longitude, t.LocationAddress,
                t.ConsentRecordId != null ? t.ContactName : null, t.ConsentRecordId != null ? t.ContactPhone : null,
                t.CreatedAt, t.DueDate, t.AnsweredAt, t.RejectionReason, t.Rating,
                t.Citizen!.ZaloUserId, t.Citizen.DisplayName, t.Citizen.LastInteractionAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (Ticket is null)
        {
            return false;
        }

        Events = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new EventRow(e.Kind, e.ActorName, e.At, e.FromStatus, e.ToStatus,
                db.OrgUnits.Where(u => u.Id == e.UnitId).Select(u => u.Name).FirstOrDefault(), e.Text, e.OutboundMessageId))
            .ToListAsync(cancellationToken);
        Attachments = await db.Attachments.AsNoTracking().Where(a => a.TicketId == id)
            .Select(a => new AttachmentRow(a.Id, a.ContentType, a.FileName, a.SizeBytes)).ToListAsync(cancellationToken);
        Transcript = await TicketConversationAsync(Ticket, cancellationToken);
        Deliveries = await db.OutboundMessages.AsNoTracking().Where(o => o.TicketId == id).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Select(o => new OutboundRow(o.Id, o.Priority, o.State, o.Payload, o.ErrorCode, o.ErrorReason, o.CreatedAt, o.SentAt))
            .ToListAsync(cancellationToken);
        Templates = await db.ReplyTemplates.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Title).ToListAsync(cancellationToken);
        Units = await db.OrgUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(cancellationToken);
        Window = new ReplyWindow(Ticket.LastInteractionAt, time.GetUtcNow());
        return true;
    }

    /// <summary>
    /// The conversation that produced this ticket, not the citizen's whole history (which holds other units' tickets
    /// and whatever else they typed): lines from the end of the citizen's previous ticket's intake, at most
    /// <see cref="IntakeWindow"/> before this one was created, to <see cref="IntakeTail"/> after it (the bot's
    /// confirmation). Later messages about the ticket are on its timeline. Phone numbers are masked unless the citizen
    /// consented to share contact details with this ticket.
    /// </summary>
    private async Task<IReadOnlyList<TranscriptEntry>> TicketConversationAsync(View ticket, CancellationToken cancellationToken)
    {
        var zaloUserId = ticket.ZaloUserId;
        var created = ticket.CreatedAt;
        var previous = await db.Tickets.AsNoTracking()
            .Where(t => t.Citizen!.ZaloUserId == zaloUserId && t.CreatedAt < created && t.Id != ticket.Id)
            .MaxAsync(t => (DateTimeOffset?)t.CreatedAt, cancellationToken);
        var from = created - IntakeWindow;
        if (previous is { } end && end + IntakeTail > from)
        {
            from = end + IntakeTail;
        }

        var to = created + IntakeTail;
        var lines = await db.Transcript.AsNoTracking()
            .Where(t => t.ZaloUserId == zaloUserId && t.At >= from && t.At <= to)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(50).ToListAsync(cancellationToken);
        lines.Reverse();
        if (ticket.ContactPhone is null)
        {
            foreach (var line in lines)
            {
                line.Text = Dialogs.Text.PhoneNumbers.MaskAll(line.Text);
            }
        }

        return lines;
    }

    /// <summary>How far back a ticket's intake conversation may go. The intake dialog takes minutes; 2 h allows pauses.</summary>
    public static readonly TimeSpan IntakeWindow = TimeSpan.FromHours(2);

    /// <summary>Lines after the ticket's creation that still belong to its intake (the confirmation and its buttons).</summary>
    public static readonly TimeSpan IntakeTail = TimeSpan.FromMinutes(2);

    public static string DeliveryLabel(OutboundState state) => state switch
    {
        OutboundState.Queued => "Đang chờ gửi",
        OutboundState.Sending => "Đang gửi",
        OutboundState.Sent => "Đã gửi",
        OutboundState.Delivered => "Đã nhận",
        OutboundState.Seen => "Đã xem",
        OutboundState.Failed => "Thất bại",
        _ => state.ToString(),
    };

    public static string EventLabel(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Created => "Tiếp nhận qua Zalo",
        TicketEventKind.StatusChanged => "Đổi trạng thái",
        TicketEventKind.Assigned => "Chuyển đơn vị",
        TicketEventKind.Note => "Ghi chú nội bộ",
        TicketEventKind.Reply => "Trả lời công dân",
        TicketEventKind.CitizenMessage => "Công dân nhắn",
        TicketEventKind.Rated => "Công dân đánh giá",
        TicketEventKind.Reopened => "Mở lại",
        TicketEventKind.PhoneCall => "Gọi điện cho công dân",
        _ => kind.ToString(),
    };

    public sealed record View(
        long Id, string Code, TicketStatus Status, uint Version, string Text, string Category, string? Ward, int? UnitId, string? Unit,
        double? Latitude, double? Longitude, string? LocationAddress, string? ContactName, string? ContactPhone,
        DateTimeOffset CreatedAt, DateOnly DueDate, DateTimeOffset? AnsweredAt, string? RejectionReason, int? Rating,
        string ZaloUserId, string? CitizenName, DateTimeOffset? LastInteractionAt);

    public sealed record EventRow(TicketEventKind Kind, string Actor, DateTimeOffset At, TicketStatus? From, TicketStatus? To, string? Unit, string? Text, long? OutboundMessageId);

    public sealed record AttachmentRow(Guid Id, string ContentType, string? FileName, long SizeBytes);

    public sealed record OutboundRow(long Id, OutboundPriority Priority, OutboundState State, string Payload, int? ErrorCode, string? ErrorReason, DateTimeOffset CreatedAt, DateTimeOffset? SentAt)
    {
        public string Text => OutboxPayload.FromJson(Payload).Text;
    }
}
