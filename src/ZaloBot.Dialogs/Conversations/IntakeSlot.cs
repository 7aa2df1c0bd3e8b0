namespace ZaloBot.Dialogs.Conversations;

/// <summary>The question the intake has open. Stored (as its name) in the intake's state.</summary>
public enum IntakeSlot
{
    Description,
    Category,
    Ward,
    Contact,
    Confirm,
}
