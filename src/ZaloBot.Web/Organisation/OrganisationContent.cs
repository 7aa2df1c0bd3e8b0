using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ZaloBot.Web.Organisation;

/// <summary>
/// The shape of content/organisation.yaml (2021) and content/organisation-2025.yaml: units, wards, categories (with the cue words of the intake), reply
/// templates, calendar, the street → ward table, and (2025 pack) how former wards and departments map to the new ones.
/// </summary>
public sealed class OrganisationContent
{
    public List<UnitRow> Units { get; set; } = [];

    public List<UnitRow> Wards { get; set; } = [];

    public List<CategoryRow> Categories { get; set; } = [];

    public List<TemplateRow> ReplyTemplates { get; set; } = [];

    public List<CalendarRow> Calendar { get; set; } = [];

    /// <summary>Street → ward(s), for the intake to infer the ward from a street named in a report.</summary>
    public List<StreetRow> Streets { get; set; } = [];

    /// <summary>2025 pack: former ward code → the ward that took it over.</summary>
    public List<FormerWardRow> FormerWards { get; set; } = [];

    /// <summary>2025 pack: former district department → the new unit that does its work, per ward.</summary>
    public List<FormerUnitRow> FormerUnits { get; set; } = [];

    public static OrganisationContent Parse(string yaml) =>
        new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build()
            .Deserialize<OrganisationContent>(yaml) ?? new OrganisationContent();

    /// <summary>What is wrong with the references inside the file (codes that name nothing); empty when it is consistent.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var wards = Wards.Select(w => w.Code).ToHashSet(StringComparer.Ordinal);
        var units = Units.Select(u => u.Code).Concat(wards).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(Units.Concat(Wards).GroupBy(u => u.Code).Where(g => g.Count() > 1).Select(g => $"unit '{g.Key}' appears twice"));
        errors.AddRange(Categories.Where(c => c.DefaultUnit is { } u && !units.Contains(u)).Select(c => $"category '{c.Code}' names unknown unit '{c.DefaultUnit}'"));
        errors.AddRange(Streets.Where(s => string.IsNullOrWhiteSpace(s.Name) || s.Wards.Count == 0).Select(s => $"street '{s.Name}' needs a name and at least one ward"));
        errors.AddRange(Streets.SelectMany(s => s.Wards.Where(w => !wards.Contains(w)).Select(w => $"street '{s.Name}' names unknown ward '{w}'")));
        errors.AddRange(FormerWards.SelectMany(f => f.SplitWith.Prepend(f.Ward)).Where(w => !wards.Contains(w)).Select(w => $"former ward maps to unknown ward '{w}'"));
        errors.AddRange(FormerUnits.SelectMany(f => f.ByWard.Values.Append(f.Unit)).Where(u => !units.Contains(u)).Select(u => $"former unit maps to unknown unit '{u}'"));
        errors.AddRange(FormerUnits.SelectMany(f => f.ByWard.Keys).Where(w => !wards.Contains(w)).Select(w => $"former unit names unknown ward '{w}'"));
        return errors;
    }

    public sealed class UnitRow
    {
        public string Code { get; set; } = "";

        public string Name { get; set; } = "";

        public string Kind { get; set; } = "ward";

        public string? Phone { get; set; }

        public string? Address { get; set; }

        public bool NeedsReview { get; set; }
    }

    public sealed class CategoryRow
    {
        public string Code { get; set; } = "";

        public string Name { get; set; } = "";

        public string? Description { get; set; }

        public string? DefaultUnit { get; set; }

        public int DeadlineWorkingDays { get; set; }

        public string Route { get; set; } = "ticket";

        /// <summary>Words in a citizen's description that point to this category ("đèn đường", "karaoke").</summary>
        public List<string> Cues { get; set; } = [];
    }

    public sealed class TemplateRow
    {
        public string Title { get; set; } = "";

        public string Body { get; set; } = "";
    }

    public sealed class CalendarRow
    {
        public string Date { get; set; } = "";

        public string Kind { get; set; } = "holiday";

        public string Name { get; set; } = "";
    }

    /// <summary>"Street → ward(s)": a street crossing several wards lists all of them.</summary>
    public sealed class StreetRow
    {
        public string Name { get; set; } = "";

        public List<string> Wards { get; set; } = [];

        /// <summary>The best reading of public sources, not yet confirmed by the wards.</summary>
        public bool NeedsReview { get; set; }
    }

    public sealed class FormerWardRow
    {
        /// <summary>The former ward's code (in the 2021 file).</summary>
        public string Code { get; set; } = "";

        /// <summary>The new ward that took it over (or most of it).</summary>
        public string Ward { get; set; } = "";

        /// <summary>Other new wards that took part of it: a ticket's street decides, else <see cref="Ward"/>.</summary>
        public List<string> SplitWith { get; set; } = [];

        public bool NeedsReview { get; set; }
    }

    public sealed class FormerUnitRow
    {
        public string Code { get; set; } = "";

        /// <summary>Where its work goes when there is no ward to decide (staff, dialogue questions, tickets without a ward).</summary>
        public string Unit { get; set; } = "";

        /// <summary>New ward code → the unit of that ward that does this work now.</summary>
        public Dictionary<string, string> ByWard { get; set; } = [];
    }
}
