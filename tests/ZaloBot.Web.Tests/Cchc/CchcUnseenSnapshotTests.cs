using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Web.Cchc;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Cchc;

/// <summary>
/// The "tin mới" check of every plain message goes to PostgreSQL only for citizens who may have a notice waiting
/// (<see cref="CchcUnseenSnapshot"/>), on a real database: a post published by another instance (a row written
/// directly) reaches a visiting subscriber once the snapshot is older than its age, one published here at once, and
/// a citizen who was told, never subscribed or subscribed after the post is never in the set.
/// </summary>
public sealed class CchcUnseenSnapshotTests
{
    [Test]
    public async Task PostPublishedElsewhere_ToldAfterTheSnapshotAge_PublishedHere_ToldAtOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 16, 2, 0, 0, TimeSpan.Zero));
        await using var world = await ConsoleWorld.CreateAsync(time);
        var options = Options.Create(new CchcOptions { NewPostsSnapshotAge = TimeSpan.FromSeconds(15) });
        var scopes = world.Factory.Services.GetRequiredService<IServiceScopeFactory>();
        using var snapshot = new CchcUnseenSnapshot(scopes, options, time);
        var board = new BotCchcBoard(scopes, options, snapshot);
        const string away = "8200000000000000001";
        const string late = "8200000000000000002";
        const string stranger = "8200000000000000003";
        await using (var db = world.Database.CreateContext())
        {
            db.CchcSubscriptions.Add(new CchcSubscription { ZaloUserId = away, IsActive = true, SubscribedAt = time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await board.UnseenAsync(away, 3, CancellationToken.None), Is.Empty, "nothing published since they subscribed");

        // Another instance publishes: this one's snapshot is fresh, so the visit within 15 s is not told yet.
        var first = await PublishDirectlyAsync(world, "Tin từ máy khác", time.GetUtcNow());
        await using (var db = world.Database.CreateContext())
        {
            db.CchcSubscriptions.Add(new CchcSubscription { ZaloUserId = late, IsActive = true, SubscribedAt = time.GetUtcNow().AddSeconds(1) });
            await db.SaveChangesAsync();
        }

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(await snapshot.MayHaveUnseenAsync(away, CancellationToken.None), Is.False, "within the age, the set taken before the post stands");
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.That(await snapshot.MayHaveUnseenAsync(away, CancellationToken.None), Is.True);
        Assert.That((await board.UnseenAsync(away, 3, CancellationToken.None)).Select(p => p.Id), Is.EqualTo(new[] { first }));
        Assert.That(await snapshot.MayHaveUnseenAsync(late, CancellationToken.None), Is.False, "subscribed after the post");
        Assert.That(await snapshot.MayHaveUnseenAsync(stranger, CancellationToken.None), Is.False, "never subscribed");

        // Told on the visit: the set still holds them until its age, but the board's own query answers nothing.
        await using (var db = world.Database.CreateContext())
        {
            db.CchcDeliveries.Add(new CchcDelivery { PostId = first, ZaloUserId = away, Kind = CchcDeliveryKind.OnVisit, At = time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        Assert.That(await board.UnseenAsync(away, 3, CancellationToken.None), Is.Empty);
        time.Advance(TimeSpan.FromSeconds(16));
        Assert.That(await snapshot.MayHaveUnseenAsync(away, CancellationToken.None), Is.False, "told, so no longer in the set");

        // Published by this instance (the desk calls Invalidate after its commit): the next visit is told at once.
        var second = await PublishDirectlyAsync(world, "Tin từ máy này", time.GetUtcNow());
        Assert.That(await snapshot.MayHaveUnseenAsync(late, CancellationToken.None), Is.False, "the stale set");
        snapshot.Invalidate();
        Assert.That((await board.UnseenAsync(late, 3, CancellationToken.None)).Select(p => p.Id), Is.EqualTo(new[] { second }));
        Assert.That((await board.UnseenAsync(away, 3, CancellationToken.None)).Select(p => p.Id), Is.EqualTo(new[] { second }));
    }

    private static async Task<long> PublishDirectlyAsync(ConsoleWorld world, string title, DateTimeOffset at)
    {
        await using var db = world.Database.CreateContext();
        var post = new CchcPost
        {
            Title = title, Summary = "Tóm tắt.", Body = "Nội dung.", AuthorName = "Văn phòng", Status = CchcPostStatus.Published,
            CreatedAt = at, UpdatedAt = at, PublishedAt = at,
        };
        db.CchcPosts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    }
}
