using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Text;
using ZaloBot.Web.BusinessDialogue;
using ZaloBot.Web.Cchc;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Organisation;

/// <summary>
/// Moves a running database from the 2021 organisation to a pack with <c>former_wards</c> / <c>former_units</c> (the 2025
/// pack), in one save: open tickets (ward and unit), staff, unanswered dialogue questions and unpublished CCHC
/// posts of a former unit go to the unit that does that work now; categories get the pack's default units; former units
/// are switched off (kept, so closed tickets and old reports still name them). Idempotent: a second run finds nothing
/// left on a former unit and changes nothing. The new units must exist first: the command seeds the pack and migrates in
/// one transaction (rolled back for a dry run).
/// </summary>
public sealed class OrganisationMigrator(ZaloBotDbContext db, TimeProvider time)
{
    /// <summary>Finished tickets keep the ward and unit they had: they are the record of who handled them.</summary>
    private static readonly TicketStatus[] Finished = [TicketStatus.Closed, TicketStatus.Rejected, TicketStatus.Transferred];

    public async Task<OrganisationMigrationReport> MigrateAsync(OrganisationContent pack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        if (pack.Validate() is [_, ..] errors)
        {
            throw new InvalidOperationException("organisation pack: " + string.Join("; ", errors));
        }

        if (pack.FormerWards.Count == 0 && pack.FormerUnits.Count == 0)
        {
            throw new InvalidOperationException("organisation pack: it has no former_wards or former_units, so there is nothing to migrate from.");
        }

        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);
        var codeOf = units.Values.ToDictionary(u => u.Id, u => u.Code);
        var missing = pack.Wards.Concat(pack.Units).Select(u => u.Code).Where(c => !units.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("organisation pack: seed it first; missing units " + string.Join(", ", missing));
        }

        var formerWards = pack.FormerWards.Where(f => units.ContainsKey(f.Code)).ToDictionary(f => units[f.Code].Id);
        var formerUnits = pack.FormerUnits.Where(f => units.ContainsKey(f.Code)).ToDictionary(f => units[f.Code].Id);
        var former = formerWards.Keys.Concat(formerUnits.Keys).ToHashSet();
        var report = new OrganisationMigrationReport();

        // The ticket's new ward decides its new unit, so wards first.
        var tickets = await db.Tickets
            .Where(t => !Finished.Contains(t.Status) && ((t.WardId != null && former.Contains(t.WardId.Value)) || (t.UnitId != null && former.Contains(t.UnitId.Value))))
            .ToListAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            var from = $"ward={Code(codeOf, ticket.WardId)}; unit={Code(codeOf, ticket.UnitId)}";
            if (ticket.WardId is { } wardId && formerWards.TryGetValue(wardId, out var ward))
            {
                var (target, sure) = WardFor(ward, ticket.LocationAddress ?? ticket.Text, pack);
                ticket.WardId = units[target].Id;
                if (!sure)
                {
                    report.ToReview.Add(ticket.Code);
                }
            }

            var newWard = ticket.WardId is { } w ? codeOf[w] : null;
            if (ticket.UnitId is { } unitId && former.Contains(unitId))
            {
                ticket.UnitId = units[UnitFor(unitId, newWard, formerWards, formerUnits)].Id;
            }

            report.Tickets++;
            Audit("organisation.migrate-ticket", "ticket:" + ticket.Id.ToString(CultureInfo.InvariantCulture),
                $"{from} → ward={Code(codeOf, ticket.WardId)}; unit={Code(codeOf, ticket.UnitId)}");
        }

        foreach (var user in await db.Users.Where(u => u.UnitId != null && former.Contains(u.UnitId.Value)).ToListAsync(cancellationToken))
        {
            var fromUnit = user.UnitId!.Value;
            user.UnitId = units[UnitFor(fromUnit, null, formerWards, formerUnits)].Id;
            report.Staff++;
            if (formerUnits.ContainsKey(fromUnit))
            {
                // A department's staff now work in one ward's division; only an admin knows which.
                report.StaffToReassign.Add(user.Email ?? user.Id);
            }

            Audit("organisation.migrate-staff", "user:" + user.Id, $"unit={codeOf[fromUnit]} → {codeOf[user.UnitId.Value]}");
        }

        foreach (var question in await db.DialogueQuestions
            .Where(q => q.AssignedUnitId != null && former.Contains(q.AssignedUnitId.Value) && q.AnswerOutboundMessageId == null).ToListAsync(cancellationToken))
        {
            question.AssignedUnitId = units[UnitFor(question.AssignedUnitId!.Value, null, formerWards, formerUnits)].Id;
            report.DialogueQuestions++;
        }

        foreach (var post in await db.CchcPosts
            .Where(p => p.UnitId != null && former.Contains(p.UnitId.Value) && p.Status != CchcPostStatus.Published && p.Status != CchcPostStatus.Unpublished)
            .ToListAsync(cancellationToken))
        {
            post.UnitId = units[UnitFor(post.UnitId!.Value, null, formerWards, formerUnits)].Id;
            report.CchcPosts++;
        }

        var defaults = pack.Categories.Where(c => c.DefaultUnit is not null).ToDictionary(c => c.Code, c => units[c.DefaultUnit!].Id, StringComparer.Ordinal);
        foreach (var category in await db.FeedbackCategories.ToListAsync(cancellationToken))
        {
            if (defaults.TryGetValue(category.Code, out var unitId) && category.DefaultUnitId != unitId
                && (category.DefaultUnitId is null || former.Contains(category.DefaultUnitId.Value)))
            {
                category.DefaultUnitId = unitId;
                report.Categories++;
            }
        }

        foreach (var unit in units.Values.Where(u => former.Contains(u.Id) && u.IsActive))
        {
            unit.IsActive = false;
            report.UnitsSwitchedOff++;
        }

        if (report.Changed)
        {
            Audit("organisation.migrate", "organisation", report.Summary());
        }

        // One SaveChanges: every move, the audit and the switch-off commit together (or in the caller's transaction).
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>
    /// A split ward: the street table decides when the ticket's address names a street of exactly one of the candidate
    /// wards; otherwise the main ward, and the ticket is listed for the office to check.
    /// </summary>
    private static (string Ward, bool Sure) WardFor(OrganisationContent.FormerWardRow ward, string? address, OrganisationContent pack)
    {
        if (ward.SplitWith.Count == 0)
        {
            return (ward.Ward, true);
        }

        var candidates = ward.SplitWith.Prepend(ward.Ward).ToHashSet(StringComparer.Ordinal);
        var fits = pack.Streets.Where(s => TextFolding.ContainsPhrase(address, [s.Name]))
            .SelectMany(s => s.Wards).Where(candidates.Contains).Distinct().ToList();
        return fits is [var only] ? (only, true) : (ward.Ward, false);
    }

    private static string UnitFor(
        int fromUnit, string? newWard, Dictionary<int, OrganisationContent.FormerWardRow> formerWards, Dictionary<int, OrganisationContent.FormerUnitRow> formerUnits)
    {
        if (formerWards.TryGetValue(fromUnit, out var ward))
        {
            // A ticket assigned to a former ward goes to the ward it now lies in (a split ward's street decided that).
            return newWard is not null && (newWard == ward.Ward || ward.SplitWith.Contains(newWard)) ? newWard : ward.Ward;
        }

        var unit = formerUnits[fromUnit];
        return newWard is not null && unit.ByWard.TryGetValue(newWard, out var byWard) ? byWard : unit.Unit;
    }

    private static string Code(Dictionary<int, string> codeOf, int? id) => id is { } i ? codeOf.GetValueOrDefault(i, "?") : "-";

    private void Audit(string action, string target, string detail) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(), ActorName = "organisation migrate", Action = action, Target = target,
            Detail = detail.Length > 2000 ? detail[..2000] : detail,
        });
}
