using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Web.Staff;

namespace ZaloBot.Web.Faq;

/// <summary>APIs the console uses to check FAQ content.</summary>
public static class FaqEndpoints
{
    public static void MapFaqApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/faq").RequireAuthorization(p => p.RequireRole(StaffRoles.Admin, StaffRoles.Office));
        group.MapGet("/match", Match);
        group.MapGet("/export", Export);
    }

    /// <summary>GET /api/faq/match?q=… — the ranked candidates with their confidence, as the bot would see them.</summary>
    public static Results<Ok<FaqMatchResponse>, ValidationProblem> Match(string? q, LiveRecognizer recognizer)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 2000)
        {
            // A developer-facing API error: the console's "Thử câu hỏi" box shows only the status code, never this text.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["Required, at most 2000 characters."] });
        }

        var recognition = recognizer.Recognize(q);
        return TypedResults.Ok(new FaqMatchResponse(
            q,
            recognition.Decision.ToString().ToLowerInvariant(),
            recognition.TopLabel,
            recognition.Candidates.Select(c => new FaqMatchCandidate(c.Label, Math.Round(c.Confidence, 4))).ToList()));
    }

    public static async Task<FileContentHttpResult> Export(FaqEditor editor, CancellationToken cancellationToken) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(await editor.ExportAsync(cancellationToken)), "application/yaml", "faq.yaml");
}
