namespace ZaloBot.Dialogs.Conversations;

/// <summary>The intake's dialog state: the draft, the question open and how many answers to it were not understood.</summary>
public sealed class IntakeFormState
{
    public IntakeDraft Draft { get; set; } = new();

    public IntakeSlot? Asking { get; set; }

    public int Attempts { get; set; }
}
