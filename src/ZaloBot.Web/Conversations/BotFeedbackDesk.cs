using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Text;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Conversations;

/// <summary>
/// The bot's read-only view of tickets: categories and wards from the database, status through <see cref="CitizenTicketDesk"/>.
/// Categories and wards are read on almost every turn (a report is recognised by its category's words) and change only
/// when an admin edits them, so they are kept for <see cref="ReferenceDataAge"/>: an edit here is used at once
/// (<see cref="InvalidateReferenceData"/>), one made through another instance within that age.
/// </summary>
public sealed class BotFeedbackDesk : IFeedbackDesk, IDisposable
{
    /// <summary>10 s: under a backlog, one query per 10 s instead of one per turn (docs/performance.md "Turns").</summary>
    public static readonly TimeSpan ReferenceDataAge = TimeSpan.FromSeconds(10);

    private readonly IServiceScopeFactory _scopes;
    private readonly StreetDirectory _streets;
    private readonly TimedSnapshot<IReadOnlyList<Dialogs.Ports.FeedbackCategoryView>> _categories;
    private readonly TimedSnapshot<IReadOnlyList<Ward>> _wards;

    public BotFeedbackDesk(IServiceScopeFactory scopes, StreetDirectory streets, TimeProvider time)
    {
        _scopes = scopes;
        _streets = streets;
        _categories = new TimedSnapshot<IReadOnlyList<Dialogs.Ports.FeedbackCategoryView>>(LoadCategoriesAsync, () => ReferenceDataAge, time);
        _wards = new TimedSnapshot<IReadOnlyList<Ward>>(LoadWardsAsync, () => ReferenceDataAge, time);
    }

    /// <summary>Categories or units were edited in this process: the next turn reads them again.</summary>
    public void InvalidateReferenceData()
    {
        _categories.Invalidate();
        _wards.Invalidate();
    }

    public async Task<IReadOnlyList<Dialogs.Ports.FeedbackCategoryView>> GetCategoriesAsync(CancellationToken cancellationToken) =>
        await _categories.GetAsync(cancellationToken);

    public async Task<IReadOnlyList<Ward>> GetWardsAsync(CancellationToken cancellationToken) => await _wards.GetAsync(cancellationToken);

    private async Task<IReadOnlyList<Dialogs.Ports.FeedbackCategoryView>> LoadCategoriesAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var rows = await db.FeedbackCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        return rows.Select(c => new Dialogs.Ports.FeedbackCategoryView(c.Code, c.Name, c.Route switch
        {
            CategoryRoute.LegalRoute => CategoryKind.ComplaintOrDenunciation,
            CategoryRoute.Emergency => CategoryKind.Emergency,
            _ => CategoryKind.Feedback,
        }, CategorySynonyms(c.Name)) { Cues = _streets.CuesByCategory.GetValueOrDefault(c.Code) ?? [] }).ToList();
    }

    private async Task<IReadOnlyList<Ward>> LoadWardsAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var rows = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Ward && u.IsActive).OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        var kindWord = SharedFirstWord(rows.Select(w => w.Name).ToList());
        return rows.Select(w => new Ward(w.Code, w.Name, WardSynonyms(w.Name, kindWord))).ToList();
    }

    public Task<IReadOnlyList<Street>> GetStreetsAsync(CancellationToken cancellationToken) => Task.FromResult(_streets.Streets);

    public async Task<IReadOnlyList<TicketView>> ListTicketsAsync(string zaloUserId, int max, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<CitizenTicketDesk>();
        var tickets = await desk.ListForCitizenAsync(zaloUserId, max, cancellationToken);
        var units = await UnitNamesAsync(scope, tickets.Select(t => t.Code).ToList(), cancellationToken);
        return tickets.Select(t => ToView(t, units.GetValueOrDefault(t.Code))).ToList();
    }

    public async Task<TicketView?> FindTicketAsync(string zaloUserId, string code, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<CitizenTicketDesk>();
        if (await desk.FindForCitizenAsync(zaloUserId, code, cancellationToken) is not { } found)
        {
            return null;
        }

        var units = await UnitNamesAsync(scope, [found.Code], cancellationToken);
        return ToView(found, units.GetValueOrDefault(found.Code));
    }

    public async Task<TicketView?> FindTicketByKeyAsync(string zaloUserId, string key, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var code = await scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>().Tickets.AsNoTracking()
            .Where(t => t.SourceMessageId == key && t.Citizen!.ZaloUserId == zaloUserId).Select(t => t.Code).SingleOrDefaultAsync(cancellationToken);
        return code is null ? null : await FindTicketAsync(zaloUserId, code, cancellationToken);
    }

    private static async Task<Dictionary<string, string>> UnitNamesAsync(AsyncServiceScope scope, List<string> codes, CancellationToken cancellationToken) =>
        await scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>().Tickets.AsNoTracking()
            .Where(t => codes.Contains(t.Code) && t.Unit != null)
            .Select(t => new { t.Code, Unit = t.Unit!.Name })
            .ToDictionaryAsync(t => t.Code, t => t.Unit, cancellationToken);

    private static TicketView ToView(CitizenTicket t, string? unitName) => new(
        t.Code, t.CategoryName, t.Status switch
        {
            TicketStatus.Received => TicketProgress.Received,
            TicketStatus.Answered => TicketProgress.Answered,
            TicketStatus.Closed or TicketStatus.Rejected => TicketProgress.Closed,
            _ => TicketProgress.InProgress,
        },
        unitName, t.DueDate, t.LatestReply, t.CreatedAt);

    /// <summary>
    /// "Phường 9" is also "9", "p9", "f9", "phuong 9": citizens type the number (the ward list is not numbered 1–12).
    /// The kind word ("Phường") is the first word every ward name shares, taken from the data rather than spelled here.
    /// </summary>
    internal static IReadOnlyList<string> WardSynonyms(string name, string? sharedFirstWord)
    {
        var rest = sharedFirstWord is not null && name.StartsWith(sharedFirstWord + " ", StringComparison.OrdinalIgnoreCase)
            ? name[(sharedFirstWord.Length + 1)..].Trim()
            : name.Trim();
        return rest.All(char.IsAsciiDigit) && rest.Length > 0
            ? [rest, "p" + rest, "p." + rest, "f" + rest, TextFolding.Fold(name), name.ToLowerInvariant()]
            : [rest];
    }

    /// <summary>The first word of every name when they all share it (null otherwise, or for fewer than two names).</summary>
    internal static string? SharedFirstWord(IReadOnlyList<string> names)
    {
        var first = names.Select(n => n.Split(' ', 2)[0]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return names.Count > 1 && first.Count == 1 && names.All(n => n.Contains(' ', StringComparison.Ordinal)) ? first[0] : null;
    }

    /// <summary>The comma-separated parts of a category name ("Vệ sinh môi trường, rác thải, tiếng ồn") select it too.</summary>
    internal static IReadOnlyList<string> CategorySynonyms(string name) =>
        name.Split([',', '(', ')'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length > 2).ToList();

    public void Dispose()
    {
        _categories.Dispose();
        _wards.Dispose();
    }
}
