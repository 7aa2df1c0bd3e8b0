namespace ZaloBot.Web.BusinessDialogue;

/// <summary>new → assigned (to a department) → answered → sent back to the asker.</summary>
public enum DialogueQuestionStatus
{
    New = 0,
    Assigned = 1,
    Answered = 2,
}
