using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ZaloBot.Web.Organisation;

/// <summary>The shape of content/organisation.yaml: units, wards, categories (with the cue words of the intake), reply templates, calendar, streets.</summary>
public sealed class OrganisationContent
{
    public List<UnitRow> Units { get; set; } = [];

    public List<UnitRow> Wards { get; set; } = [];

    public List<CategoryRow> Categories { get; set; } = [];

    public List<TemplateRow> ReplyTemplates { get; set; } = [];

    public List<CalendarRow> Calendar { get; set; } = [];

    /// <summary>Street → ward(s), for the intake to infer the ward from a street named in a report.</summary>
    public List<StreetRow> Streets { get; set; } = [];

    public static OrganisationContent Parse(string yaml) =>
        new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build()
            .Deserialize<OrganisationContent>(yaml) ?? new OrganisationContent();

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

    public sealed class StreetRow
    {
        public string Name { get; set; } = "";

        public List<string> Wards { get; set; } = [];
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
}
