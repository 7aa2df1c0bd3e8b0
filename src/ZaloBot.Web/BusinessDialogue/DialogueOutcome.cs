namespace ZaloBot.Web.BusinessDialogue;

/// <summary>The result of a dialogue action; the session page turns each into a Vietnamese message.</summary>
public enum DialogueOutcome
{
    Done = 0,
    NotFound = 1,
    NotAllowed = 2,
    Conflict = 3,
    Invalid = 4,

    /// <summary>The session's registration deadline has passed.</summary>
    Closed = 5,
}
