using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Web.Storage;
using DialogFaqEntry = ZaloBot.Dialogs.Faq.FaqEntry;

namespace ZaloBot.Web.Faq;

/// <summary>
/// The recognizer every part of this instance uses (dialogs, eval, the match API). It holds an immutable
/// index built from the published FAQ in PostgreSQL and swaps it atomically when admins change the FAQ.
/// </summary>
public sealed class LiveRecognizer(
    IServiceScopeFactory scopes,
    FaqContentFiles content,
    RecognizerOptions options,
    ILogger<LiveRecognizer> logger) : IRecognizer
{
    private RecognizerIndex? _index;

    public bool IsBuilt => Volatile.Read(ref _index) is not null;

    public Recognition Recognize(string message) =>
        (Volatile.Read(ref _index) ?? throw new InvalidOperationException("The FAQ index is not built yet")).Recognize(message);

    /// <summary>Reads the published FAQ and builds a new index (&lt; 1 s for 2,000 entries), then swaps it in.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var rows = await db.FaqEntries.AsNoTracking().Where(f => f.IsPublished).ToListAsync(cancellationToken);
        var entries = rows.Select(ToContent).ToList();
        var index = RecognizerIndex.Build(entries, content.Intents, content.Abbreviations, options, content.Concepts, content.Referrals);
        Volatile.Write(ref _index, index);
        logger.LogInformation("FAQ index rebuilt: {Entries} published entries in {Elapsed:0} ms",
            entries.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    internal static DialogFaqEntry ToContent(StoredFaqEntry f) =>
        new(f.Slug, f.Category, f.Question, f.Phrasings, f.Related, f.Answer, f.NeedsReview, f.IsPublished);
}
