namespace ZaloBot.Dialogs.Tests.Support;

/// <summary>The signals a transcript's effects recorded (unanswered questions, votes, deletion requests).</summary>
internal sealed class FakeCitizenSignals
{
    public List<string> Unanswered { get; } = [];

    public List<(string Slug, bool Helpful)> Votes { get; } = [];

    public List<string> DeletionRequests { get; } = [];

    public List<string> CchcUnsubscribed { get; } = [];
}
