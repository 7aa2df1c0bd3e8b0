namespace ZaloBot.Dialogs.Conversations;

/// <summary>Ids of the top-level dialogs (stored in state: renaming one drops conversations in flight).</summary>
public static class DialogIds
{
    public const string FeedbackIntake = "feedback-intake";
    public const string HandoffMessage = "handoff-message";
    public const string Privacy = "privacy";
}
