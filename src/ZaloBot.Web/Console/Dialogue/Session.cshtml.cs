using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.BusinessDialogue;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Reports;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.Dialogue;

/// <summary>
/// One dialogue session (<c>/console/dialogue/{id}</c>): its details, the registered businesses (office only: contact data),
/// the questions by status with grouping, assignment and answers, sending the answers back in chat, the Q&amp;A post, and
/// the .xlsx export. A department or ward user sees and answers only the questions assigned to their unit.
/// </summary>
public sealed class SessionModel(ZaloBotDbContext db, DialogueDesk desk, ReportWorkbook workbook) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public DialogueSession Session { get; private set; } = null!;

    public IReadOnlyList<DialogueRegistration> Registrations { get; private set; } = [];

    public IReadOnlyList<DialogueQuestion> Questions { get; private set; } = [];

    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];

    public bool IsOffice => StaffActor.From(User).SeesAllTickets;

    public string? Failure { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(long questionId, uint version, string? groupName, int? unitId, CancellationToken cancellationToken) =>
        await DoneAsync("assigned", await desk.AssignAsync(StaffActor.From(User), questionId, version, groupName, unitId, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAnswerAsync(long questionId, uint version, string? answer, CancellationToken cancellationToken) =>
        await DoneAsync("answered", await desk.AnswerAsync(StaffActor.From(User), questionId, version, answer, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostSendAnswersAsync(CancellationToken cancellationToken)
    {
        var (sent, unreachable) = await desk.SendAnswersAsync(StaffActor.From(User), Id, cancellationToken);
        TempData["DialogueDone"] = "sent";
        TempData["DialogueSent"] = sent;
        TempData["DialogueUnreachable"] = unreachable;
        return Redirect($"/console/dialogue/{Id}");
    }

    public async Task<IActionResult> OnPostQaPostAsync(string? title, string? summary, CancellationToken cancellationToken)
    {
        var result = await desk.PublishQaAsync(StaffActor.From(User), Id, title ?? "", summary ?? "", cancellationToken);
        if (result.Ok)
        {
            return Redirect($"/console/cchc/{result.PostId}");
        }

        return await DoneAsync("qa", result.Outcome == ZaloBot.Web.Cchc.CchcOutcome.NotFound ? DialogueOutcome.NotFound : DialogueOutcome.Invalid, cancellationToken);
    }

    /// <summary>GET ?handler=xlsx: registrations (office only) and the questions the user may see, one sheet each.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(string? table, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        byte[]? bytes = table switch
        {
            "registrations" when IsOffice => workbook.Registrations(Session, Registrations),
            "questions" => workbook.Questions(Session, Questions),
            _ => null,
        };
        return bytes is null ? NotFound() : File(bytes, ReportWorkbook.ContentType, $"doi-thoai-{Id}-{table}.xlsx");
    }

    private async Task<IActionResult> DoneAsync(string done, DialogueOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome == DialogueOutcome.Done)
        {
            TempData["DialogueDone"] = done;
            return Redirect($"/console/dialogue/{Id}");
        }

        if (!await LoadAsync(cancellationToken) || outcome == DialogueOutcome.NotFound)
        {
            return NotFound();
        }

        Failure = outcome.ToString();
        Response.StatusCode = outcome == DialogueOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var session = await db.DialogueSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, cancellationToken);
        if (session is null)
        {
            return false;
        }

        Session = session;
        var actor = StaffActor.From(User);
        Registrations = actor.SeesAllTickets
            ? await db.DialogueRegistrations.AsNoTracking().Where(r => r.SessionId == Id).OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).ToListAsync(cancellationToken)
            : [];
        Questions = await DialogueDesk.Visible(actor, db.DialogueQuestions.AsNoTracking().Include(q => q.AssignedUnit).Include(q => q.Registration))
            .Where(q => q.SessionId == Id)
            .OrderBy(q => q.Status).ThenBy(q => q.GroupName).ThenBy(q => q.Id)
            .ToListAsync(cancellationToken);
        Units = await db.OrgUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(cancellationToken);
        return true;
    }
}
