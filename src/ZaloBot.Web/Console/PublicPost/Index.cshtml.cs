using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Cchc;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.PublicPost;

/// <summary>The public page of a published CCHC post (<c>/cchc/{id}</c>), which the "Đọc tiếp" buttons in Zalo open. Anything else is 404.</summary>
public sealed class IndexModel(ZaloBotDbContext db) : PageModel
{
    public CchcPost Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var post = await db.CchcPosts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.Status == CchcPostStatus.Published, cancellationToken);
        if (post is null)
        {
            return NotFound();
        }

        Post = post;
        return Page();
    }
}
