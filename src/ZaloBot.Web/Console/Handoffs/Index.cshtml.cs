using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Handoffs;

/// <summary>
/// A live chat handoff: staff take a waiting request (Waiting → Active, one taker thanks to xmin), chat through the
/// outbox (each line also in the transcript), and hand back to the bot (Closed). While a request is Active the dialog
/// engine must stay silent for that citizen.
/// </summary>
public sealed class IndexModel(ZaloBotDbContext db, StaffHandover handover, ConsoleTexts texts, TimeProvider time) : PageModel
{
    public HandoffRequest? Handoff { get; private set; }

    public IReadOnlyList<TranscriptEntry> Transcript { get; private set; } = [];

    public string? TakenByName { get; private set; }

    public ReplyWindow Window { get; private set; }

    public bool IsMine { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTakeAsync(long id, uint version, CancellationToken cancellationToken)
    {
        var handoff = await db.HandoffRequests.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (handoff is null)
        {
            return NotFound();
        }

        if (handoff.State != HandoffRequestState.Waiting || handoff.Version != version)
        {
            return await FailAsync(id, texts.HandoffAlreadyTaken, cancellationToken);
        }

        var actor = StaffActor.From(User);
        var now = time.GetUtcNow();
        handoff.State = HandoffRequestState.Active;
        handoff.TakenByUserId = actor.UserId;
        handoff.TakenAt = now;
        Audit(actor, "handoff.take", id, now);
        var result = await SaveAsync(id, texts.HandoffTaken, cancellationToken);
        if (Error is null)
        {
            // Only the staff member who won the take tells the bot to go quiet (and the citizen that staff joined).
            await handover.TookOverAsync(handoff.ZaloUserId, id, cancellationToken);
        }

        return result;
    }

    public async Task<IActionResult> OnPostSendAsync(long id, string text, Guid messageKey, CancellationToken cancellationToken)
    {
        var handoff = await db.HandoffRequests.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (handoff is null)
        {
            return NotFound();
        }

        var actor = StaffActor.From(User);
        if (handoff.State != HandoffRequestState.Active || handoff.TakenByUserId != actor.UserId)
        {
            return await FailAsync(id, texts.HandoffNotYours, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return await FailAsync(id, texts.HandoffMessageEmpty, cancellationToken);
        }

        var key = $"{HeldMessages.HandoffKeyPrefix}{id}:{messageKey:N}";
        if (await db.OutboundMessages.AnyAsync(o => o.IdempotencyKey == key, cancellationToken))
        {
            return RedirectToPage(new { id });
        }

        var now = time.GetUtcNow();
        Send(handoff, new OutboxPayload(text.Trim()), key, now);
        return await SaveAsync(id, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken cancellationToken)
    {
        var handoff = await db.HandoffRequests.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (handoff is null)
        {
            return NotFound();
        }

        if (handoff.State == HandoffRequestState.Closed)
        {
            return RedirectToPage(new { id });
        }

        var actor = StaffActor.From(User);
        var now = time.GetUtcNow();
        handoff.State = HandoffRequestState.Closed;
        handoff.ClosedAt = now;
        Audit(actor, "handoff.close", id, now);
        var result = await SaveAsync(id, texts.HandoffReleased, cancellationToken);
        if (Error is null)
        {
            await handover.ReleasedAsync(handoff.ZaloUserId, id, cancellationToken);
        }

        return result;
    }

    /// <summary>Queues a message to the citizen and writes it to the transcript (source id = outbox key, so a retry does not duplicate it).</summary>
    private void Send(HandoffRequest handoff, OutboxPayload payload, string key, DateTimeOffset now)
    {
        db.OutboundMessages.Add(payload.ToOutbound(handoff.ZaloUserId, key, OutboundPriority.Interactive, now));
        db.Transcript.Add(new TranscriptEntry { ZaloUserId = handoff.ZaloUserId, Direction = TranscriptDirection.FromStaff, Text = payload.Text, At = now, SourceId = key });
    }

    private void Audit(StaffActor actor, string action, long id, DateTimeOffset now) =>
        db.AuditEntries.Add(new AuditEntry { At = now, ActorUserId = actor.UserId, ActorName = actor.Name, Action = action, Target = $"handoff:{id}" });

    private async Task<IActionResult> SaveAsync(long id, string? message, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await FailAsync(id, texts.HandoffConflict, cancellationToken);
        }

        if (message is not null)
        {
            TempData["Flash"] = message;
        }

        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> FailAsync(long id, string message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Error = message;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Handoff = await db.HandoffRequests.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (Handoff is null)
        {
            return false;
        }

        var zaloUserId = Handoff.ZaloUserId;
        Transcript = (await db.Transcript.AsNoTracking().Where(t => t.ZaloUserId == zaloUserId)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(100).ToListAsync(cancellationToken))
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToList();
        var takenBy = Handoff.TakenByUserId;
        TakenByName = takenBy is null ? null : await db.Users.Where(u => u.Id == takenBy).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var lastInteraction = await db.Citizens.Where(c => c.ZaloUserId == zaloUserId).Select(c => c.LastInteractionAt).SingleOrDefaultAsync(cancellationToken);
        Window = new ReplyWindow(lastInteraction, time.GetUtcNow());
        IsMine = Handoff.State == HandoffRequestState.Active && Handoff.TakenByUserId == StaffActor.From(User).UserId;
        return true;
    }
}
