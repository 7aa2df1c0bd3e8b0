using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Privacy;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Privacy;

/// <summary>
/// Admins: citizens' deletion requests (made in the chat, "Xóa dữ liệu của tôi"), what is held for each, and the
/// action that erases and anonymises it (<see cref="CitizenEraser"/>); handled requests show what was done.
/// </summary>
public sealed class IndexModel(ZaloBotDbContext db, CitizenEraser eraser, ConsoleTexts texts) : PageModel
{
    public IReadOnlyList<Row> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostEraseAsync(long id, CancellationToken cancellationToken)
    {
        var summary = await eraser.EraseAsync(id, StaffActor.From(User), cancellationToken);
        if (summary is null)
        {
            return NotFound();
        }

        TempData["Flash"] = ConsoleTexts.Fill(texts.PrivacyErased, ("id", id));
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.DeletionRequests.AsNoTracking()
            .OrderBy(r => r.HandledAt != null).ThenByDescending(r => r.RequestedAt).Take(200)
            .Select(r => new
            {
                r.Id, r.RequestedAt, r.HandledAt, r.Citizen!.ZaloUserId, CitizenId = r.CitizenId,
                Tickets = db.Tickets.Count(t => t.CitizenId == r.CitizenId),
                Lines = db.Transcript.Count(t => t.ZaloUserId == r.Citizen!.ZaloUserId),
                Files = db.Attachments.Count(a => a.ZaloUserId == r.Citizen!.ZaloUserId),
            })
            .ToListAsync(cancellationToken);
        var targets = rows.Select(r => $"deletion-request:{r.Id}").ToList();
        var done = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "citizen.erase" && targets.Contains(a.Target!))
            .Select(a => new { a.Target, a.ActorName, a.Detail }).ToListAsync(cancellationToken);
        Requests = rows.Select(r =>
        {
            var audit = done.FirstOrDefault(a => a.Target == $"deletion-request:{r.Id}");
            return new Row(r.Id, r.RequestedAt, r.HandledAt, Mask(r.ZaloUserId), r.Tickets, r.Lines, r.Files, audit?.ActorName, audit?.Detail);
        }).ToList();
    }

    /// <summary>Enough of the Zalo id to tell requests apart on screen, not enough to use it.</summary>
    private static string Mask(string zaloUserId) => zaloUserId.Length <= 6 ? "…" : "…" + zaloUserId[^6..];

    public sealed record Row(long Id, DateTimeOffset RequestedAt, DateTimeOffset? HandledAt, string Citizen, int Tickets, int TranscriptLines, int Files, string? HandledBy, string? WhatWasDone);
}
