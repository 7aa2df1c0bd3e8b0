using System.Collections.Frozen;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Web.Storage;
using DialogFaqEntry = ZaloBot.Dialogs.Faq.FaqEntry;

namespace ZaloBot.Web.Faq;

/// <summary>
/// The recognizer every part of this instance uses (dialogs, eval, the match API). It holds an immutable
/// index built from the published FAQ in PostgreSQL and swaps it atomically when admins change the FAQ. The published
/// answers are read in the same query and swapped with it, so an entry the index can recognise always has its answer
/// here, and answering costs no database round trip (<see cref="ZaloBot.Web.Conversations.BotFaqCatalog"/>).
/// </summary>
public sealed class LiveRecognizer(
    IServiceScopeFactory scopes,
    FaqContentFiles content,
    RecognizerOptions options,
    ILogger<LiveRecognizer> logger) : IRecognizer
{
    private Built? _built;

    public bool IsBuilt => Volatile.Read(ref _built) is not null;

    public Recognition Recognize(string message) => Current.Index.Recognize(message);

    /// <summary>The published answer of <paramref name="slug"/> as of the last rebuild, or null when it has none.</summary>
    public FaqAnswer? FindAnswer(string slug) => Current.Answers.GetValueOrDefault(slug);

    private Built Current => Volatile.Read(ref _built) ?? throw new InvalidOperationException("The FAQ index is not built yet");

    /// <summary>Reads the published FAQ and builds a new index (&lt; 1 s for 2,000 entries), then swaps it in.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var rows = await db.FaqEntries.AsNoTracking().Where(f => f.IsPublished).ToListAsync(cancellationToken);
        var entries = rows.Select(ToContent).ToList();
        var index = RecognizerIndex.Build(entries, content.Intents, content.Abbreviations, options, content.Concepts, content.Referrals);
        var answers = rows.ToFrozenDictionary(f => f.Slug, f => new FaqAnswer(f.Slug, f.Question, f.Answer, f.Related), StringComparer.Ordinal);
        Volatile.Write(ref _built, new Built(index, answers));
        logger.LogInformation("FAQ index rebuilt: {Entries} published entries in {Elapsed:0} ms",
            entries.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    internal static DialogFaqEntry ToContent(StoredFaqEntry f) =>
        new(f.Slug, f.Category, f.Question, f.Phrasings, f.Related, f.Answer, f.NeedsReview, f.IsPublished);

    private sealed record Built(RecognizerIndex Index, FrozenDictionary<string, FaqAnswer> Answers);
}
