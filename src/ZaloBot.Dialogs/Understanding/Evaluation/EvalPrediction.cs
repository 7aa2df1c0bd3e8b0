namespace ZaloBot.Dialogs.Understanding.Evaluation;

/// <summary>What the recognizer said for one labelled message. <paramref name="Confidence"/> is that of the top candidate.</summary>
public sealed record EvalPrediction(string Message, string Expected, string Predicted, double Confidence, RecognitionDecision Decision)
{
    public bool IsCorrect => string.Equals(Expected, Predicted, StringComparison.Ordinal);
}
