namespace ZaloBot.Web.Cchc;

/// <summary>The result of an editorial action; the editor page turns each into a Vietnamese message.</summary>
public enum CchcOutcome
{
    Done = 0,

    /// <summary>No such post, or not visible to this user (a ward user sees only their unit's posts).</summary>
    NotFound = 1,

    /// <summary>The user's role may not do this, or not in the post's current status.</summary>
    NotAllowed = 2,

    /// <summary>Someone else saved the post since the form was loaded.</summary>
    Conflict = 3,

    /// <summary>A required field is empty, too long, or a link is not an absolute http(s) address.</summary>
    Invalid = 4,
}
