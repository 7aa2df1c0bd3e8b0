using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Staff;

namespace ZaloBot.Web.Storage;

/// <summary>
/// Loads the seed content into an empty or partly filled database. Insert-only and keyed by code/date,
/// so running it again never overwrites what admins edited and never duplicates rows.
/// </summary>
public sealed class ContentSeeder(
    ZaloBotDbContext db,
    RoleManager<IdentityRole> roles,
    FaqEditor faq,
    IOptions<ServiceOptions> service,
    IOptions<OrganisationOptions> organisation,
    ILogger<ContentSeeder> logger)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
                added++;
            }
        }

        // Organisation:Pack picks the 2021 structure (organisation.yaml) or the 2025 one (organisation-2025.yaml).
        var path = Path.Combine(service.Value.ContentDirectory, organisation.Value.FileName);
        var content = OrganisationContent.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        if (content.Validate() is [_, ..] errors)
        {
            throw new InvalidOperationException($"{organisation.Value.FileName}: " + string.Join("; ", errors));
        }

        added += await SeedUnitsAsync(content, cancellationToken);
        added += await SeedCategoriesAsync(content, cancellationToken);
        added += await SeedTemplatesAsync(content, cancellationToken);
        added += await SeedCalendarAsync(content, cancellationToken);
        added += await faq.SeedAsync(await File.ReadAllTextAsync(Path.Combine(service.Value.ContentDirectory, "faq.yaml"), cancellationToken), cancellationToken);
        logger.LogInformation("Seed content loaded from {Directory}: {Added} row(s) added", service.Value.ContentDirectory, added);
        return added;
    }

    private async Task<int> SeedUnitsAsync(OrganisationContent content, CancellationToken cancellationToken)
    {
        var existing = await db.OrgUnits.Select(u => u.Code).ToHashSetAsync(cancellationToken);
        var order = 0;
        var rows = content.Units.Select(u => (Row: u, Kind: ParseKind(u.Kind)))
            .Concat(content.Wards.Select(w => (Row: w, Kind: OrgUnitKind.Ward)));
        var added = 0;
        foreach (var (row, kind) in rows)
        {
            order++;
            if (existing.Contains(row.Code))
            {
                continue;
            }

            db.OrgUnits.Add(new OrgUnit { Code = row.Code, Name = row.Name, Kind = kind, Phone = row.Phone, Address = row.Address, SortOrder = order });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private async Task<int> SeedCategoriesAsync(OrganisationContent content, CancellationToken cancellationToken)
    {
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var existing = await db.FeedbackCategories.Select(c => c.Code).ToHashSetAsync(cancellationToken);
        var added = 0;
        var order = 0;
        foreach (var row in content.Categories)
        {
            order++;
            if (existing.Contains(row.Code))
            {
                continue;
            }

            int? unitId = null;
            if (row.DefaultUnit is { } unitCode)
            {
                unitId = units.TryGetValue(unitCode, out var id)
                    ? id
                    : throw new InvalidOperationException($"organisation.yaml: category '{row.Code}' names unknown unit '{unitCode}'");
            }

            db.FeedbackCategories.Add(new FeedbackCategory
            {
                Code = row.Code,
                Name = row.Name,
                Description = row.Description,
                DefaultUnitId = unitId,
                DeadlineWorkingDays = row.DeadlineWorkingDays,
                Route = row.Route switch
                {
                    "ticket" => CategoryRoute.Ticket,
                    "legal" => CategoryRoute.LegalRoute,
                    "emergency" => CategoryRoute.Emergency,
                    _ => throw new InvalidOperationException($"organisation.yaml: category '{row.Code}' has unknown route '{row.Route}'"),
                },
                SortOrder = order,
            });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private async Task<int> SeedTemplatesAsync(OrganisationContent content, CancellationToken cancellationToken)
    {
        var existing = await db.ReplyTemplates.Select(t => t.Title).ToHashSetAsync(cancellationToken);
        var added = 0;
        foreach (var row in content.ReplyTemplates.Where(r => !existing.Contains(r.Title)))
        {
            db.ReplyTemplates.Add(new ReplyTemplate { Title = row.Title, Body = row.Body });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private async Task<int> SeedCalendarAsync(OrganisationContent content, CancellationToken cancellationToken)
    {
        var existing = await db.CalendarDays.Select(d => d.Date).ToHashSetAsync(cancellationToken);
        var added = 0;
        foreach (var row in content.Calendar)
        {
            var date = DateOnly.ParseExact(row.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!existing.Add(date))
            {
                continue;
            }

            var kind = row.Kind == "working" ? CalendarDayKind.WorkingDay : CalendarDayKind.Holiday;
            db.CalendarDays.Add(new CalendarDay { Date = date, Kind = kind, Name = row.Name });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static OrgUnitKind ParseKind(string kind) => kind switch
    {
        "office" => OrgUnitKind.Office,
        "department" => OrgUnitKind.Department,
        "ward" => OrgUnitKind.Ward,
        _ => throw new InvalidOperationException($"organisation.yaml: unknown unit kind '{kind}'"),
    };
}
