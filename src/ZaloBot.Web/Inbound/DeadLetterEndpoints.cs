using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Web.Staff;

namespace ZaloBot.Web.Inbound;

/// <summary>Admin API for inbound dead letters: list them with their error, re-drive one.</summary>
public static class DeadLetterEndpoints
{
    public static IEndpointRouteBuilder MapDeadLetters(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/channel/dead-letters").RequireAuthorization(p => p.RequireRole(StaffRoles.Admin));
        group.MapGet("", ListAsync);
        group.MapPost("{id:long}/redrive", RedriveAsync);
        return app;
    }

    private static async Task<Ok<List<DeadLetterView>>> ListAsync(DeadLetterStore store, CancellationToken cancellationToken)
    {
        var rows = await store.ListAsync(200, cancellationToken);
        return TypedResults.Ok(rows.Select(r => new DeadLetterView(r.Id, r.DedupeKey, r.EventName, r.ZaloUserId, r.Attempts, r.LastError, r.ReceivedAt)).ToList());
    }

    private static async Task<Results<NoContent, NotFound>> RedriveAsync(long id, DeadLetterStore store, CancellationToken cancellationToken) =>
        await store.RedriveAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
