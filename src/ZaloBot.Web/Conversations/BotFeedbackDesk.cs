using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Storage;
using DialogStatus = ZaloBot.Dialogs.Ports.TicketStatus;
using TicketStatus = ZaloBot.Web.Feedback.TicketStatus;

namespace ZaloBot.Web.Conversations;

/// <summary>The bot's view of tickets: categories and wards from the database, intake and status through <see cref="TicketDesk"/>.</summary>
public sealed class BotFeedbackDesk(IServiceScopeFactory scopes, BotTexts texts, TimeProvider time) : IFeedbackDesk
{
    public async Task<IReadOnlyList<Dialogs.Ports.FeedbackCategory>> GetCategoriesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var rows = await db.FeedbackCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        return rows.Select(c => new Dialogs.Ports.FeedbackCategory(c.Code, c.Name, c.Route switch
        {
            CategoryRoute.LegalRoute => CategoryKind.ComplaintOrDenunciation,
            CategoryRoute.Emergency => CategoryKind.Emergency,
            _ => CategoryKind.Feedback,
        }, CategorySynonyms(c.Name))).ToList();
    }

    public async Task<IReadOnlyList<Ward>> GetWardsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var rows = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Ward && u.IsActive).OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        return rows.Select(w => new Ward(w.Code, w.Name, WardSynonyms(w.Name))).ToList();
    }

    public async Task<CreatedTicket> CreateTicketAsync(Dialogs.Ports.NewTicket ticket, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var desk = scope.ServiceProvider.GetRequiredService<TicketDesk>();
        var photoUrls = ticket.Photos.Select(p => p.Url).ToList();
        // Photos were downloaded when they arrived (Zalo links expire); link the stored copies.
        var attachmentIds = photoUrls.Count == 0
            ? []
            : await db.Attachments.Where(a => a.ZaloUserId == ticket.ZaloUserId && a.SourceUrl != null && photoUrls.Contains(a.SourceUrl))
                .Select(a => a.Id).ToListAsync(cancellationToken);
        long? consentId = null;
        if (ticket.ContactName is not null || ticket.ContactPhone is not null)
        {
            consentId = await RecordConsentAsync(db, ticket.ZaloUserId, cancellationToken);
        }

        var intake = await desk.CreateAsync(new Feedback.NewTicket(
            idempotencyKey, ticket.ZaloUserId, ticket.CategoryCode, ticket.Description, ticket.WardCode,
            ticket.Location?.Latitude, ticket.Location?.Longitude, ticket.Location?.Address,
            ticket.ContactName, ticket.ContactPhone, consentId, attachmentIds), cancellationToken);
        return new CreatedTicket(intake.Code, intake.DueDate);
    }

    public async Task<IReadOnlyList<TicketView>> ListTicketsAsync(string zaloUserId, int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TicketDesk>();
        var tickets = await desk.ListForCitizenAsync(zaloUserId, max, cancellationToken);
        var units = await UnitNamesAsync(scope, tickets.Select(t => t.Code).ToList(), cancellationToken);
        return tickets.Select(t => ToView(t, units.GetValueOrDefault(t.Code))).ToList();
    }

    public async Task<TicketView?> FindTicketAsync(string zaloUserId, string code, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TicketDesk>();
        if (await desk.FindForCitizenAsync(zaloUserId, code, cancellationToken) is not { } found)
        {
            return null;
        }

        var units = await UnitNamesAsync(scope, [found.Code], cancellationToken);
        return ToView(found, units.GetValueOrDefault(found.Code));
    }

    public async Task<bool> RateTicketAsync(string zaloUserId, string code, int stars, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TicketDesk>();
        var current = await desk.FindForCitizenAsync(zaloUserId, code, cancellationToken);
        if (current is null)
        {
            return false;
        }

        // A re-run of the same turn finds the rating already stored.
        return current.Rating == stars || (await desk.RateByCitizenAsync(zaloUserId, code, stars, cancellationToken)).Succeeded;
    }

    public async Task<bool> ReopenTicketAsync(string zaloUserId, string code, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TicketDesk>();
        var current = await desk.FindForCitizenAsync(zaloUserId, code, cancellationToken);
        if (current is null)
        {
            return false;
        }

        return current.Status is not (TicketStatus.Answered or TicketStatus.Closed)
            || (await desk.ReopenByCitizenAsync(zaloUserId, code, cancellationToken)).Succeeded;
    }

    private async Task<long> RecordConsentAsync(ZaloBotDbContext db, string zaloUserId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var citizen = await CitizenDirectory.GetOrCreateAsync(db, zaloUserId, now, cancellationToken);
        var consent = new ConsentRecord
        {
            CitizenId = citizen.Id,
            Purpose = "contact-for-feedback",
            ConsentText = Dialogs.Engine.OutgoingMessage.Clip(texts.IntakeContactPrompt, 1000),
            Channel = "chat",
            GivenAt = now,
        };
        db.ConsentRecords.Add(consent);
        await db.SaveChangesAsync(cancellationToken);
        return consent.Id;
    }

    private static async Task<Dictionary<string, string>> UnitNamesAsync(AsyncServiceScope scope, List<string> codes, CancellationToken cancellationToken) =>
        await scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>().Tickets.AsNoTracking()
            .Where(t => codes.Contains(t.Code) && t.Unit != null)
            .Select(t => new { t.Code, Unit = t.Unit!.Name })
            .ToDictionaryAsync(t => t.Code, t => t.Unit, cancellationToken);

    private static TicketView ToView(CitizenTicket t, string? unitName) => new(
        t.Code, t.CategoryName, t.Status switch
        {
            TicketStatus.Received => DialogStatus.Received,
            TicketStatus.Answered => DialogStatus.Answered,
            TicketStatus.Closed or TicketStatus.Rejected => DialogStatus.Closed,
            _ => DialogStatus.InProgress,
        },
        unitName, t.DueDate, t.LatestReply, t.CreatedAt);

    /// <summary>"Phường 9" is also "9", "p9", "f9", "phuong 9": citizens type the number (the ward list is not numbered 1–12).</summary>
    internal static IReadOnlyList<string> WardSynonyms(string name)
    {
        var number = name.Replace("Phường", "", StringComparison.OrdinalIgnoreCase).Trim();
        return number.All(char.IsAsciiDigit) && number.Length > 0
            ? [number, "p" + number, "p." + number, "f" + number, "phuong " + number, "phường " + number]
            : [number];
    }

    /// <summary>The comma-separated parts of a category name ("Vệ sinh môi trường, rác thải, tiếng ồn") select it too.</summary>
    internal static IReadOnlyList<string> CategorySynonyms(string name) =>
        name.Split([',', '(', ')'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length > 2).ToList();
}
