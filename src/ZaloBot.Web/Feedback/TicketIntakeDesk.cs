using Microsoft.EntityFrameworkCore;
using Npgsql;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Citizens;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Feedback;

/// <summary>
/// Creates tickets: the code from the per-year counter, the unit from the category, the due date from the
/// working-day calendar, the consented contact data, the photos. The turn committer calls it inside the turn's
/// transaction; the console's tests and the topology test call it on its own.
/// </summary>
public sealed class TicketIntakeDesk(ZaloBotDbContext db, TicketTexts texts, TimeProvider time)
{
    /// <summary>
    /// Creates the ticket for an intake, once per <see cref="TicketRequest.SourceMessageId"/>: a repeated or concurrent call
    /// with the same key returns the existing ticket.
    /// </summary>
    public async Task<TicketIntake> CreateAsync(TicketRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SourceMessageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ZaloUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Text);

        if (await FindIntakeAsync(request.SourceMessageId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var category = await db.FeedbackCategories.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Code == request.CategoryCode && c.IsActive, cancellationToken)
            ?? throw new ArgumentException($"Unknown or inactive feedback category '{request.CategoryCode}'.", nameof(request));
        int? wardId = null;
        if (!string.IsNullOrEmpty(request.WardCode))
        {
            wardId = await db.OrgUnits.Where(u => u.Code == request.WardCode && u.Kind == OrgUnitKind.Ward)
                .Select(u => (int?)u.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ArgumentException($"Unknown ward '{request.WardCode}'.", nameof(request));
        }

        var unitId = category.DefaultUnitId ?? await db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Office)
            .OrderBy(u => u.SortOrder).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);

        var now = time.GetUtcNow();
        var received = WorkingDayCalendar.LocalDate(now);
        var calendar = await LoadCalendarAsync(received, cancellationToken);
        var due = calendar.AddWorkingDays(received, category.DeadlineWorkingDays);
        var citizenId = (await CitizenDirectory.GetOrCreateAsync(db, request.ZaloUserId, now, cancellationToken)).Id;
        var consented = request.ConsentRecordId is { } consentId && await db.ConsentRecords
            .AnyAsync(c => c.Id == consentId && c.CitizenId == citizenId && c.WithdrawnAt == null, cancellationToken);

        // The committer calls this inside the turn's transaction; the console and tests call it on its own.
        var ambient = db.Database.CurrentTransaction is not null;
        await using var transaction = ambient ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The row lock taken by the upsert serialises concurrent intakes of the same year; a losing duplicate
            // rolls back, so its number is never used and codes have no gaps.
            var sequence = (await db.Database.SqlQuery<int>($"""
                INSERT INTO ticket_code_counters (year, last_value) VALUES ({received.Year}, 1)
                ON CONFLICT (year) DO UPDATE SET last_value = ticket_code_counters.last_value + 1
                RETURNING last_value AS "Value"
                """).ToListAsync(cancellationToken)).Single();
            var ticket = new FeedbackTicket
            {
                Code = FormatCode(received.Year, sequence),
                Year = received.Year,
                Sequence = sequence,
                Status = TicketStatus.Received,
                CategoryId = category.Id,
                WardId = wardId,
                UnitId = unitId,
                CitizenId = citizenId,
                Text = request.Text.Trim(),
                Latitude = request.Latitude,
                Longitude = request.Longitude,
                LocationAddress = request.LocationAddress,
                ContactName = consented ? request.ContactName : null,
                ContactPhone = consented ? request.ContactPhone : null,
                ConsentRecordId = consented ? request.ConsentRecordId : null,
                CreatedAt = now,
                UpdatedAt = now,
                DueDate = due,
                SourceMessageId = request.SourceMessageId,
            };
            ticket.Events.Add(new TicketEvent
            {
                Kind = TicketEventKind.Created,
                ActorName = texts.CitizenActor,
                At = now,
                ToStatus = TicketStatus.Received,
                UnitId = unitId,
            });
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(cancellationToken);

            if (request.AttachmentIds is { Count: > 0 } ids)
            {
                await db.Attachments.Where(a => ids.Contains(a.Id) && a.ZaloUserId == request.ZaloUserId && a.TicketId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.TicketId, ticket.Id), cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return new TicketIntake(ticket.Id, ticket.Code, ticket.DueDate, Created: true);
        }
        catch (DbUpdateException ex) when (transaction is not null && ex.InnerException is PostgresException { SqlState: TicketChanges.UniqueViolation })
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await FindIntakeAsync(request.SourceMessageId, cancellationToken)
                ?? throw new InvalidOperationException("Ticket intake conflicted but no ticket exists for the source message.", ex);
        }
    }

    public static string FormatCode(int year, int sequence) => $"PA-{year}-{sequence:D6}";

    /// <summary>The holidays and compensatory days from the day of receipt on (a deadline never spans more than a few months).</summary>
    private async Task<WorkingDayCalendar> LoadCalendarAsync(DateOnly from, CancellationToken cancellationToken)
    {
        var until = from.AddDays(400);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= until).ToListAsync(cancellationToken);
        return new WorkingDayCalendar(days);
    }

    private async Task<TicketIntake?> FindIntakeAsync(string sourceMessageId, CancellationToken cancellationToken) =>
        await db.Tickets.AsNoTracking().Where(t => t.SourceMessageId == sourceMessageId)
            .Select(t => new TicketIntake(t.Id, t.Code, t.DueDate, false)).SingleOrDefaultAsync(cancellationToken);
}
