using System.ComponentModel.DataAnnotations;
using ZaloBot.Web.Organisation;

namespace ZaloBot.Web.Feedback;

/// <summary>A kind of feedback with the unit that handles it by default and its deadline in working days.</summary>
public sealed class FeedbackCategory
{
    public int Id { get; set; }

    [MaxLength(64)]
    public required string Code { get; set; }

    [MaxLength(200)]
    public required string Name { get; set; }

    [MaxLength(1000)]
    public string? Description { get; set; }

    public int? DefaultUnitId { get; set; }

    public OrgUnit? DefaultUnit { get; set; }

    /// <summary>Working days from receipt to the due date (weekends and public holidays skipped).</summary>
    public int DeadlineWorkingDays { get; set; }

    public CategoryRoute Route { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
