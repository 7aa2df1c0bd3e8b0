using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Organisation;

/// <summary>An organisational unit that handles feedback: the HĐND-UBND office, a department, or one of the 12 wards.</summary>
public sealed class OrgUnit
{
    public int Id { get; set; }

    /// <summary>Stable short code used in content and routing, e.g. "vp-hdnd-ubnd" or "phuong-vo-thi-sau".</summary>
    [MaxLength(64)]
    public required string Code { get; set; }

    [MaxLength(200)]
    public required string Name { get; set; }

    public OrgUnitKind Kind { get; set; }

    [MaxLength(64)]
    public string? Phone { get; set; }

    [MaxLength(300)]
    public string? Address { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    /// <summary>PostgreSQL xmin: two admins editing the same unit do not overwrite each other silently.</summary>
    [Timestamp]
    public uint Version { get; set; }
}
