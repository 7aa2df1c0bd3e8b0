namespace ZaloBot.Dialogs.Understanding;

/// <summary>One ranked label with a calibrated confidence in [0, 1].</summary>
public sealed record RecognitionCandidate(string Label, double Confidence)
{
    public bool IsIntent => Label.StartsWith("intent:", StringComparison.Ordinal);
}
