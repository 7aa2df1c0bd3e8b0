using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Cchc;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Cchc;

/// <summary>The CCHC section's posts the user may see (all for the office, their unit's for a ward or department), newest first.</summary>
public sealed class IndexModel(ZaloBotDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CchcPostStatus? Status { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<CchcPostStatus, int> Counts { get; private set; } = new Dictionary<CchcPostStatus, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var posts = CchcDesk.Visible(StaffActor.From(User), db.CchcPosts.AsNoTracking());
        Counts = await posts.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        if (Status is { } status)
        {
            posts = posts.Where(p => p.Status == status);
        }

        Rows = await posts
            .OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Take(200)
            .Select(p => new Row(p.Id, p.Title, p.Topic, p.Status, p.Unit != null ? p.Unit.Name : null, p.AuthorName, p.UpdatedAt, p.PublishedAt))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(long Id, string Title, CchcTopic Topic, CchcPostStatus Status, string? Unit, string Author, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt);
}
