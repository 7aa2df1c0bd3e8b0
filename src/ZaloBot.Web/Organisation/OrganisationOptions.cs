using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Organisation;

/// <summary>Section "Organisation": which organisation content pack `seed` loads and `organisation migrate` moves to.</summary>
public sealed class OrganisationOptions
{
    public const string Section = "Organisation";

    /// <summary>
    /// "2021": the district with its departments and 12 wards (content/organisation.yaml). "2025": from 2025-07-01, no
    /// district level; the former Quận 3 area is the wards Bàn Cờ, Xuân Hòa and Nhiêu Lộc (content/organisation-2025.yaml).
    /// </summary>
    [Required]
    [AllowedValues("2021", "2025")]
    public string Pack { get; set; } = "2021";

    public string FileName => Pack == "2025" ? "organisation-2025.yaml" : "organisation.yaml";
}
