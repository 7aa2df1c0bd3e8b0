using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Cchc;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Cchc;

/// <summary>
/// One post of the CCHC section (<c>/console/cchc/{id}</c>, <c>/console/cchc/new</c>): the editor for its author's unit
/// and the office, the review actions for the office (return with a note, publish, unpublish), the message subscribers
/// get, and the post's audit trail. Every action goes through <see cref="CchcDesk"/> with the xmin the form was loaded with.
/// </summary>
public sealed class EditModel(ZaloBotDbContext db, CchcDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Id { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? ImageUrl { get; set; }

    [BindProperty]
    public string? LinkUrl { get; set; }

    [BindProperty]
    public CchcTopic Topic { get; set; }

    [BindProperty]
    public uint Version { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public CchcPost? Post { get; private set; }

    public CchcActionResult? Failure { get; private set; }

    public OutboxPayload? Preview { get; private set; }

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public bool CanEdit => Post is null || CchcDesk.CanEdit(StaffActor.From(User), Post.Status);

    public bool IsOffice => StaffActor.From(User).SeesAllTickets;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            return Page();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Title = Post!.Title;
        Summary = Post.Summary;
        Body = Post.Body;
        ImageUrl = Post.ImageUrl;
        LinkUrl = Post.LinkUrl;
        Topic = Post.Topic;
        Version = Post.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        await DoneAsync("saved", await desk.SaveAsync(StaffActor.From(User), Id, Version, new CchcPostInput(Title, Summary, Body, ImageUrl, LinkUrl, Topic), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) =>
        await DoneAsync("submitted", await desk.SubmitAsync(StaffActor.From(User), Id ?? 0, Version, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        await DoneAsync("published", await desk.PublishAsync(StaffActor.From(User), Id ?? 0, Version, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostUnpublishAsync(CancellationToken cancellationToken) =>
        await DoneAsync("unpublished", await desk.UnpublishAsync(StaffActor.From(User), Id ?? 0, Version, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken cancellationToken) =>
        await DoneAsync("returned", await desk.ReturnAsync(StaffActor.From(User), Id ?? 0, Version, Note, cancellationToken), cancellationToken);

    private async Task<IActionResult> DoneAsync(string done, CchcActionResult result, CancellationToken cancellationToken)
    {
        if (result.Ok)
        {
            // The view words the notice (and, on publication, how many subscribers were messaged at once).
            TempData["CchcDone"] = done;
            TempData["CchcPushed"] = result.Pushed;
            return Redirect($"/console/cchc/{result.PostId}");
        }

        if (result.Outcome == CchcOutcome.NotFound)
        {
            return NotFound();
        }

        Failure = result;
        Response.StatusCode = result.Outcome == CchcOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        if (Id is not null)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Post = await CchcDesk.Visible(StaffActor.From(User), db.CchcPosts.AsNoTracking().Include(p => p.Unit)).SingleOrDefaultAsync(p => p.Id == Id, cancellationToken);
        if (Post is null)
        {
            return false;
        }

        Preview = desk.PushPayload(Post);
        var target = "cchc-post:" + Post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        History = await db.AuditEntries.AsNoTracking().Where(a => a.Target == target).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        return true;
    }
}
