using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.BusinessDialogue;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Dialogue;

/// <summary>Business dialogue sessions, newest first, with their counts; the office schedules a new one here.</summary>
public sealed class IndexModel(ZaloBotDbContext db, DialogueDesk desk) : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public TimeOnly? Time { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? OnlineUrl { get; set; }

    [BindProperty]
    public string? Topics { get; set; }

    [BindProperty]
    public DateOnly? RegistrationDeadline { get; set; }

    public DialogueOutcome? Failure { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (outcome, id) = await desk.SaveSessionAsync(StaffActor.From(User), null, 0,
            new DialogueSessionInput(Title, Date, Time, Place, OnlineUrl, Topics, RegistrationDeadline), cancellationToken);
        if (outcome == DialogueOutcome.Done)
        {
            return Redirect($"/console/dialogue/{id}");
        }

        Failure = outcome;
        Response.StatusCode = outcome == DialogueOutcome.NotAllowed ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(User);
        var questions = DialogueDesk.Visible(actor, db.DialogueQuestions.AsNoTracking());
        Rows = await db.DialogueSessions.AsNoTracking()
            .OrderByDescending(s => s.StartsAt)
            .Select(s => new Row(
                s.Id, s.Title, s.StartsAt, s.Place, s.OnlineUrl, s.RegistrationDeadline,
                db.DialogueRegistrations.Count(r => r.SessionId == s.Id),
                questions.Count(q => q.SessionId == s.Id),
                questions.Count(q => q.SessionId == s.Id && q.Status == DialogueQuestionStatus.Answered)))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(long Id, string Title, DateTimeOffset StartsAt, string? Place, string? OnlineUrl, DateOnly RegistrationDeadline, int Registrations, int Questions, int Answered);
}
