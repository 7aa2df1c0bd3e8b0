using System.Globalization;

namespace ZaloBot.Web.Organisation;

/// <summary>What <see cref="OrganisationMigrator"/> moved, and what someone must check by hand.</summary>
public sealed class OrganisationMigrationReport
{
    public int Tickets { get; set; }

    public int Staff { get; set; }

    public int DialogueQuestions { get; set; }

    public int CchcPosts { get; set; }

    public int Categories { get; set; }

    public int UnitsSwitchedOff { get; set; }

    /// <summary>Codes of open tickets of a split ward whose address did not decide the new ward.</summary>
    public List<string> ToReview { get; } = [];

    /// <summary>Staff of former departments, moved to the office until an admin assigns their division.</summary>
    public List<string> StaffToReassign { get; } = [];

    public bool Changed => Tickets + Staff + DialogueQuestions + CchcPosts + Categories + UnitsSwitchedOff > 0;

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"tickets={Tickets}; staff={Staff}; dialogue-questions={DialogueQuestions}; cchc-posts={CchcPosts}; categories={Categories}; units-off={UnitsSwitchedOff}; to-review={ToReview.Count}; staff-to-reassign={StaffToReassign.Count}");
}
