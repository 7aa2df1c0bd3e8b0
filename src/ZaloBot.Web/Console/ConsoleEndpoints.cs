using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console;

/// <summary>Non-page console endpoints: attachment bytes and a small JSON view of a ticket, both scoped like the pages.</summary>
public static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/console").RequireAuthorization(ConsolePolicies.Tickets).ExcludeFromDescription();
        group.MapGet("/attachments/{id:guid}", GetAttachmentAsync);
        group.MapGet("/api/tickets/{id:long}", GetTicketAsync);
        return app;
    }

    /// <summary>A photo or file of a ticket the user may see; anything else is 404 (never "exists but forbidden").</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> GetAttachmentAsync(
        Guid id, HttpContext context, ZaloBotDbContext db, CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(context.User);
        var visible = actor.Visible(db.Tickets);
        var file = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == id && visible.Any(t => t.Id == a.TicketId))
            .Select(a => new { a.Content, a.ContentType, a.FileName })
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        // Images are shown inline; anything else downloads, so a stored HTML or SVG file cannot run in the console's origin.
        var inline = file.ContentType is "image/jpeg" or "image/png" or "image/gif" or "image/webp";
        return inline
            ? TypedResults.File(file.Content, file.ContentType)
            : TypedResults.File(file.Content, "application/octet-stream", file.FileName ?? "tep-dinh-kem");
    }

    public static async Task<Results<Ok<TicketSummary>, NotFound>> GetTicketAsync(
        long id, HttpContext context, ZaloBotDbContext db, CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(context.User);
        var ticket = await actor.Visible(db.Tickets).AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new TicketSummary(t.Id, t.Code, t.Status.ToString(), t.Unit!.Code, t.Ward!.Code, t.DueDate, t.Version))
            .SingleOrDefaultAsync(cancellationToken);
        return ticket is null ? TypedResults.NotFound() : TypedResults.Ok(ticket);
    }
}
