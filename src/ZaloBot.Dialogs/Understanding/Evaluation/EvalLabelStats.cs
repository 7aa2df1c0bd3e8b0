namespace ZaloBot.Dialogs.Understanding.Evaluation;

/// <summary>Messages expected to have one label, and how many of them got it.</summary>
public sealed record EvalLabelStats(int Total, int Correct)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;
}
