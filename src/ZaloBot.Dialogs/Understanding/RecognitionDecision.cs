namespace ZaloBot.Dialogs.Understanding;

/// <summary>Answer with the top candidate, ask which candidate was meant, or admit not knowing.</summary>
public enum RecognitionDecision
{
    None = 0,
    Clarify = 1,
    Answer = 2,
}
