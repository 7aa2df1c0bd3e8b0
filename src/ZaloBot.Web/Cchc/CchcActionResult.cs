namespace ZaloBot.Web.Cchc;

/// <summary>Outcome of an editorial action, the post's id, and on publication how many subscribers were messaged.</summary>
public sealed record CchcActionResult(CchcOutcome Outcome, long PostId = 0, int Pushed = 0, string? InvalidField = null)
{
    public bool Ok => Outcome == CchcOutcome.Done;
}
