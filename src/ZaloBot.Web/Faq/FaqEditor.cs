using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Dialogs.Faq;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Faq;

/// <summary>
/// Every change to the FAQ goes through here: a revision snapshot is kept, concurrent edits are detected
/// (xmin), and all instances are told to rebuild their index.
/// </summary>
public sealed class FaqEditor(
    ZaloBotDbContext db,
    IConnectionMultiplexer redis,
    RedisKeys keys,
    TimeProvider time)
{
    /// <summary>Creates or updates one entry. <paramref name="expectedVersion"/> is the xmin the editor loaded (null for a new entry).</summary>
    public async Task<FaqSaveResult> SaveAsync(Dialogs.Faq.FaqEntry content, uint? expectedVersion, string changedBy, CancellationToken cancellationToken)
    {
        FaqContent.Validate([content]);
        var entry = await db.FaqEntries.SingleOrDefaultAsync(f => f.Slug == content.Slug, cancellationToken);
        if (entry is null)
        {
            if (expectedVersion is not null)
            {
                return FaqSaveResult.Conflict;
            }

            entry = NewEntry(content);
            db.FaqEntries.Add(entry);
        }
        else if (expectedVersion is { } version)
        {
            db.Entry(entry).Property(f => f.Version).OriginalValue = version;
        }

        Apply(entry, content, changedBy);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FaqSaveResult.Conflict;
        }

        await db.FaqEntryRevisions.AddAsync(Snapshot(entry), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await PublishChangeAsync();
        return FaqSaveResult.Saved;
    }

    /// <summary>Imports entries in the content format (faq.yaml): new slugs are added, existing ones updated. Returns (added, updated).</summary>
    public async Task<(int Added, int Updated)> ImportAsync(string yaml, string changedBy, CancellationToken cancellationToken)
    {
        var entries = FaqContent.Parse(yaml);
        var existing = await db.FaqEntries.ToDictionaryAsync(f => f.Slug, cancellationToken);
        int added = 0, updated = 0;
        var changed = new List<StoredFaqEntry>();
        foreach (var content in entries)
        {
            if (!existing.TryGetValue(content.Slug, out var entry))
            {
                entry = NewEntry(content);
                db.FaqEntries.Add(entry);
                added++;
            }
            else if (SameContent(LiveRecognizer.ToContent(entry), content))
            {
                continue;
            }
            else
            {
                updated++;
            }

            Apply(entry, content, changedBy);
            changed.Add(entry);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.FaqEntryRevisions.AddRange(changed.Select(Snapshot));
        await db.SaveChangesAsync(cancellationToken);
        if (changed.Count > 0)
        {
            await PublishChangeAsync();
        }

        return (added, updated);
    }

    /// <summary>Inserts the seed entries whose slug is not in the database yet; never overwrites admin edits.</summary>
    public async Task<int> SeedAsync(string yaml, CancellationToken cancellationToken)
    {
        var existing = await db.FaqEntries.Select(f => f.Slug).ToHashSetAsync(cancellationToken);
        var fresh = FaqContent.Parse(yaml).Where(e => !existing.Contains(e.Slug)).ToList();
        var rows = fresh.Select(content =>
        {
            var entry = NewEntry(content);
            Apply(entry, content, "seed");
            return entry;
        }).ToList();
        db.FaqEntries.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        db.FaqEntryRevisions.AddRange(rows.Select(Snapshot));
        await db.SaveChangesAsync(cancellationToken);
        if (rows.Count > 0)
        {
            await PublishChangeAsync();
        }

        return rows.Count;
    }

    public async Task<string> ExportAsync(CancellationToken cancellationToken)
    {
        var rows = await db.FaqEntries.AsNoTracking().OrderBy(f => f.Category).ThenBy(f => f.Slug).ToListAsync(cancellationToken);
        return FaqContent.Serialize(rows.Select(LiveRecognizer.ToContent));
    }

    /// <summary>Record equality compares lists by reference; content is equal when the lists hold the same items.</summary>
    private static bool SameContent(Dialogs.Faq.FaqEntry a, Dialogs.Faq.FaqEntry b) =>
        a with { Phrasings = [], Related = [] } == b with { Phrasings = [], Related = [] }
        && a.Phrasings.SequenceEqual(b.Phrasings, StringComparer.Ordinal)
        && a.Related.SequenceEqual(b.Related, StringComparer.Ordinal);

    private static StoredFaqEntry NewEntry(Dialogs.Faq.FaqEntry content) =>
        new() { Slug = content.Slug, Category = content.Category, Question = content.Question, Answer = content.Answer };

    private void Apply(StoredFaqEntry entry, Dialogs.Faq.FaqEntry content, string changedBy)
    {
        entry.Category = content.Category;
        entry.Question = content.Question;
        entry.Phrasings = [.. content.Phrasings];
        entry.Related = [.. content.Related];
        entry.Answer = content.Answer;
        entry.IsPublished = content.Published;
        entry.NeedsReview = content.NeedsReview;
        entry.Revision++;
        entry.UpdatedAt = time.GetUtcNow();
        entry.UpdatedBy = changedBy;
    }

    private FaqEntryRevision Snapshot(StoredFaqEntry entry) => new()
    {
        FaqEntryId = entry.Id,
        Revision = entry.Revision,
        Question = entry.Question,
        Phrasings = [.. entry.Phrasings],
        Related = [.. entry.Related],
        Answer = entry.Answer,
        IsPublished = entry.IsPublished,
        ChangedAt = entry.UpdatedAt,
        ChangedBy = entry.UpdatedBy,
    };

    /// <summary>Best effort: if Redis is down the other instances rebuild when their connection is restored.</summary>
    private async Task PublishChangeAsync()
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(keys.FaqChanged, "changed");
        }
        catch (RedisException)
        {
        }
    }
}
