using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZaloBot.Dialogs.Content;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Cchc;

/// <summary>
/// The editorial flow of the CCHC section. Departments and wards (role Unit) write drafts for their own unit and submit
/// them; the office (Admin, Office) reviews, returns with a note, publishes and unpublishes, and may write posts itself.
/// Every change is an <see cref="AuditEntry"/> ("cchc.*", target "cchc-post:{id}") saved with the change. Publishing a
/// post for the first time messages the active subscribers whose free 48-hour window is open, in the same transaction
/// (outbox rows + <see cref="CchcDelivery"/> rows, unique per post and citizen: nobody is messaged twice for one post);
/// the other subscribers are told "tin mới" on their next visit.
/// </summary>
public sealed class CchcDesk(ZaloBotDbContext db, TimeProvider time, IOptions<CchcOptions> options, CchcTexts texts, CchcUnseenSnapshot unseen)
{
    /// <summary>Idempotency key of a pushed post: <c>cchc:{post}:{user}</c>.</summary>
    public const string PushKeyPrefix = "cchc:";

    /// <summary>Posts this user may see in the console: all for the office, their unit's for a department or ward.</summary>
    public static IQueryable<CchcPost> Visible(StaffActor actor, IQueryable<CchcPost> posts)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.SeesAllTickets)
        {
            return posts;
        }

        return actor.CanEditTickets && actor.UnitId is { } unitId ? posts.Where(p => p.UnitId == unitId) : posts.Where(p => false);
    }

    /// <summary>Whether the user may change the text of a post in this status.</summary>
    public static bool CanEdit(StaffActor actor, CchcPostStatus status) =>
        actor.SeesAllTickets || (actor.CanEditTickets && status is CchcPostStatus.Draft or CchcPostStatus.Returned);

    public async Task<CchcActionResult> SaveAsync(StaffActor actor, long? id, uint version, CchcPostInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (Invalid(input) is { } field)
        {
            return new CchcActionResult(CchcOutcome.Invalid, id ?? 0, InvalidField: field);
        }

        var now = time.GetUtcNow();
        CchcPost post;
        if (id is null)
        {
            if (!actor.SeesAllTickets && (!actor.CanEditTickets || actor.UnitId is null))
            {
                return new CchcActionResult(CchcOutcome.NotAllowed);
            }

            post = new CchcPost
            {
                Title = "", Summary = "", Body = "", Status = CchcPostStatus.Draft, UnitId = actor.SeesAllTickets ? null : actor.UnitId,
                AuthorUserId = actor.UserId, AuthorName = actor.Name, CreatedAt = now,
            };
            db.CchcPosts.Add(post);
        }
        else
        {
            var found = await LoadAsync(actor, id.Value, version, cancellationToken);
            if (found.Post is null)
            {
                return new CchcActionResult(found.Outcome, id.Value);
            }

            post = found.Post;
            if (!CanEdit(actor, post.Status))
            {
                return new CchcActionResult(CchcOutcome.NotAllowed, post.Id);
            }
        }

        post.Title = input.Title!.Trim();
        post.Summary = input.Summary!.Trim();
        post.Body = input.Body!.Trim();
        post.ImageUrl = Blank(input.ImageUrl);
        post.LinkUrl = Blank(input.LinkUrl);
        post.Topic = input.Topic;
        post.UpdatedAt = now;
        // The new post needs its id for the audit target: both saves in one transaction, so no change goes unaudited.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            Audit(actor, post, id is null ? "cchc.create" : "cchc.update", post.Title);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CchcActionResult(CchcOutcome.Conflict, post.Id);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CchcActionResult(CchcOutcome.Done, post.Id);
    }

    public Task<CchcActionResult> SubmitAsync(StaffActor actor, long id, uint version, CancellationToken cancellationToken) =>
        MoveAsync(actor, id, version, "cchc.submit", null, (post, now) =>
        {
            if (post.Status is not (CchcPostStatus.Draft or CchcPostStatus.Returned))
            {
                return false;
            }

            post.Status = CchcPostStatus.Submitted;
            post.SubmittedAt = now;
            post.ReviewNote = null;
            return true;
        }, cancellationToken);

    public Task<CchcActionResult> ReturnAsync(StaffActor actor, long id, uint version, string? note, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(note) || note.Trim().Length > 1000
            ? Task.FromResult(new CchcActionResult(CchcOutcome.Invalid, id, InvalidField: "note"))
            : MoveAsync(actor, id, version, "cchc.return", note.Trim(), (post, _) =>
            {
                if (!actor.SeesAllTickets || post.Status != CchcPostStatus.Submitted)
                {
                    return false;
                }

                post.Status = CchcPostStatus.Returned;
                post.ReviewNote = note.Trim();
                return true;
            }, cancellationToken);

    public Task<CchcActionResult> UnpublishAsync(StaffActor actor, long id, uint version, CancellationToken cancellationToken) =>
        MoveAsync(actor, id, version, "cchc.unpublish", null, (post, _) =>
        {
            if (!actor.SeesAllTickets || post.Status != CchcPostStatus.Published)
            {
                return false;
            }

            post.Status = CchcPostStatus.Unpublished;
            return true;
        }, cancellationToken);

    /// <summary>Publishes (office only) and, on the first publication, messages the subscribers whose free window is open.</summary>
    public async Task<CchcActionResult> PublishAsync(StaffActor actor, long id, uint version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await LoadAsync(actor, id, version, cancellationToken);
        if (found.Post is not { } post)
        {
            return new CchcActionResult(found.Outcome, id);
        }

        if (!actor.SeesAllTickets || post.Status == CchcPostStatus.Published)
        {
            return new CchcActionResult(CchcOutcome.NotAllowed, id);
        }

        var now = time.GetUtcNow();
        var first = post.PublishedAt is null;
        post.Status = CchcPostStatus.Published;
        post.PublishedAt ??= now;
        post.UpdatedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CchcActionResult(CchcOutcome.Conflict, id);
        }

        var pushed = first ? await FanOutAsync(post, now, cancellationToken) : 0;
        Audit(actor, post, "cchc.publish", pushed == 0 ? post.Title : $"{post.Title}; pushed={pushed}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Subscribers outside the free window now have a notice waiting for their next visit.
        unseen.Invalidate();
        return new CchcActionResult(CchcOutcome.Done, id, pushed);
    }

    /// <summary>The push message of a post: its title and summary, "Đọc tiếp" (the public page) and, if any, its link or video.</summary>
    public OutboxPayload PushPayload(CchcPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        List<OutboxButton> buttons = [new(texts.ButtonRead, "open-url", options.Value.PostUrl(post.Id).ToString())];
        if (post.LinkUrl is { } link)
        {
            buttons.Add(new(post.Topic == CchcTopic.VideoGuide ? texts.ButtonVideo : texts.ButtonLink, "open-url", link));
        }

        var text = CchcTexts.Fill(texts.PostPush, ("title", post.Title), ("summary", post.Summary));
        return new OutboxPayload(Dialogs.Engine.OutgoingMessage.Clip(text), buttons.DistinctBy(b => b.Payload).ToList());
    }

    private async Task<int> FanOutAsync(CchcPost post, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var freeSince = now - ReplyWindow.Free;
        var targets = await db.CchcSubscriptions.AsNoTracking()
            .Where(s => s.IsActive)
            .Join(db.Citizens, s => s.ZaloUserId, c => c.ZaloUserId, (s, c) => new { s.ZaloUserId, c.LastInteractionAt })
            .Where(x => x.LastInteractionAt > freeSince)
            .Where(x => !db.CchcDeliveries.Any(d => d.PostId == post.Id && d.ZaloUserId == x.ZaloUserId))
            .Select(x => x.ZaloUserId)
            .ToListAsync(cancellationToken);
        if (targets.Count == 0)
        {
            return 0;
        }

        var payload = PushPayload(post);
        var messages = targets.ToDictionary(
            user => user,
            user => payload.ToOutbound(user, $"{PushKeyPrefix}{post.Id}:{user}", OutboundPriority.Notification, now));
        db.OutboundMessages.AddRange(messages.Values);
        await db.SaveChangesAsync(cancellationToken);
        db.CchcDeliveries.AddRange(messages.Select(m => new CchcDelivery
        {
            PostId = post.Id, ZaloUserId = m.Key, Kind = CchcDeliveryKind.Pushed, At = now, OutboundMessageId = m.Value.Id,
        }));
        return targets.Count;
    }

    private async Task<CchcActionResult> MoveAsync(
        StaffActor actor, long id, uint version, string action, string? detail, Func<CchcPost, DateTimeOffset, bool> move, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(actor, id, version, cancellationToken);
        if (found.Post is not { } post)
        {
            return new CchcActionResult(found.Outcome, id);
        }

        var now = time.GetUtcNow();
        if (!move(post, now))
        {
            return new CchcActionResult(CchcOutcome.NotAllowed, id);
        }

        post.UpdatedAt = now;
        Audit(actor, post, action, detail ?? post.Title);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CchcActionResult(CchcOutcome.Conflict, id);
        }

        return new CchcActionResult(CchcOutcome.Done, id);
    }

    private async Task<(CchcPost? Post, CchcOutcome Outcome)> LoadAsync(StaffActor actor, long id, uint version, CancellationToken cancellationToken)
    {
        var post = await Visible(actor, db.CchcPosts).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (post is null)
        {
            return (null, CchcOutcome.NotFound);
        }

        if (post.Version != version)
        {
            return (null, CchcOutcome.Conflict);
        }

        // SaveChanges checks the loaded xmin (UPDATE … WHERE xmin = @loaded), so a change in between is still caught.
        db.Entry(post).Property(p => p.Version).OriginalValue = version;
        return (post, CchcOutcome.Done);
    }

    private void Audit(StaffActor actor, CchcPost post, string action, string detail) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(), ActorUserId = actor.UserId, ActorName = actor.Name, Action = action,
            Target = "cchc-post:" + post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Detail = detail.Length > 2000 ? detail[..2000] : detail,
        });

    private string? Invalid(CchcPostInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 200)
        {
            return "title";
        }

        if (string.IsNullOrWhiteSpace(input.Summary) || input.Summary.Trim().Length > 500)
        {
            return "summary";
        }

        if (string.IsNullOrWhiteSpace(input.Body) || input.Body.Trim().Length > 8000)
        {
            return "body";
        }

        // An image from a host outside Cchc:ImageHosts would be blocked by the pages' CSP (and is a tracking pixel).
        if (!string.IsNullOrWhiteSpace(input.ImageUrl) && (input.ImageUrl.Trim().Length > 500 || !options.Value.IsAllowedImage(input.ImageUrl)))
        {
            return "imageUrl";
        }

        if (!IsLink(input.LinkUrl))
        {
            return "linkUrl";
        }

        return Enum.IsDefined(input.Topic) ? null : "topic";
    }

    /// <summary>Empty, or an absolute http(s) URL of at most 500 characters (Zalo's oa.open.url opens only those).</summary>
    public static bool IsLink(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (value.Trim().Length <= 500 && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
